// What javac and the java launcher need to know about a Java source file, read from its text:
// its package, its public top-level type (javac wants it in a file of the same name) and the
// top-level type that declares `main` (the class `java` must start). Piston and most online
// judges run `public class HelloWorld` from any file name; so do we (issue 11).
//
// A small scanner rather than a parser: comments, strings, text blocks and character literals are
// blanked out, then top-level type declarations are found by brace depth.

export interface JavaSourceFacts {
  packageName: string | null;
  publicType: string | null;
  /** The first top-level type that declares a `static void main(`. */
  mainType: string | null;
}

/** The source with comments and literals replaced by spaces, so braces and keywords in them do not count. */
function code(source: string): string {
  return source.replace(/"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

const TYPE_DECLARATION = /\b((?:(?:public|protected|private|abstract|static|final|sealed|non-sealed|strictfp)\s+)*)(?:class|interface|enum|record|@interface)\s+([A-Za-z_$][\w$]*)/g;
const MAIN_METHOD = /\bstatic\b[^;{}()=]*\bvoid\s+main\s*\(/;

export function javaSourceFacts(source: string): JavaSourceFacts {
  const text = code(source);
  const packageName = /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1] ?? null;
  let publicType: string | null = null;
  let mainType: string | null = null;
  // Depth of every offset is needed only at declaration starts: walk once, keeping the depth.
  let depth = 0;
  let scanned = 0;
  TYPE_DECLARATION.lastIndex = 0;
  for (let match = TYPE_DECLARATION.exec(text); match; match = TYPE_DECLARATION.exec(text)) {
    for (; scanned < match.index; scanned++) {
      if (text[scanned] === '{') depth++;
      else if (text[scanned] === '}') depth--;
    }
    if (depth !== 0) continue;
    const name = match[2]!;
    if (/\bpublic\b/.test(match[1]!) && !publicType) publicType = name;
    if (!mainType && MAIN_METHOD.test(typeBody(text, match.index + match[0].length))) mainType = name;
  }
  return { packageName, publicType, mainType };
}

/** The text of the body that opens at the first "{" after `from`, nested bodies included. */
function typeBody(text: string, from: number): string {
  const open = text.indexOf('{', from);
  if (open === -1) return '';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}
