import { readFileSync } from 'node:fs';
import ts from 'typescript';

// Reads what only the source knows about a declaration — the result type written as `method<T>()`
// or `event<T>()`, and the JSDoc above a property — with the TypeScript compiler API. The runtime
// objects (zod schemas, defaults) come from importing the modules; this supplies the rest.

export interface DeclaredMember {
  /** The type argument as written, e.g. `WorkspaceInfo | null`. */
  typeText: string | null;
  doc: string;
}

/** `owner.member` -> declaration, where owner is the enclosing property or variable name. */
export type DeclarationIndex = Map<string, DeclaredMember>;

function jsDocOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The first type argument of the innermost `method<T>()` / `event<T>()` call in an initializer. */
function declaredType(init: ts.Expression, source: ts.SourceFile): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node): void => {
    if (found !== null) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^(method|event)$/.test(node.expression.text)) {
      const arg = node.typeArguments?.[0];
      if (arg) found = arg.getText(source).replace(/\s+/g, ' ');
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(init);
  return found;
}

function ownerName(node: ts.Node): string | null {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) return parent.name.getText();
  // `{ … } satisfies ServiceSpec`, `as const`, and `z.strictObject({ … })`
  if (ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent) || ts.isCallExpression(parent)) return ownerName(parent);
  return null;
}

export function indexDeclarations(files: string[]): DeclarationIndex {
  const index: DeclarationIndex = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const owner = ownerName(node);
        if (owner) {
          for (const prop of node.properties) {
            if (!ts.isPropertyAssignment(prop)) continue;
            index.set(`${owner}.${prop.name.getText(source)}`, { typeText: declaredType(prop.initializer, source), doc: jsDocOf(prop) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return index;
}

/** `service: someContract` in the root contract literal -> `someContract`, so its members resolve. */
export function aliasOf(index: DeclarationIndex, rootOwner: string, service: string, files: string[]): string {
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    let alias: string | null = null;
    const visit = (node: ts.Node): void => {
      if (alias) return;
      if (ts.isVariableDeclaration(node) && node.name.getText(source) === rootOwner && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        for (const prop of node.initializer.properties) {
          if (ts.isPropertyAssignment(prop) && prop.name.getText(source) === service && ts.isIdentifier(prop.initializer)) alias = prop.initializer.text;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (alias) return alias;
  }
  void index;
  return service;
}
