// How a run's files are laid out in the sandbox and which entry the commands name. Most languages
// take the workspace as it is. Java needs two things javac and the launcher insist on and users do
// not think about (issue 11): a public top-level type sits in a file named after it (so
// `public class HelloWorld` in test.java is placed as HelloWorld.java, as Piston does by running
// the source file), and `java` starts the class that declares main, package included.
import { javaSourceFacts } from '../../common/java-source';
import { resolveEntry, type RunRequest } from '../../common/sandbox';

export interface RunLayout {
  files: { path: string; content: string }[];
  entry: string;
  /** For Java: the class to start. */
  mainClass?: string;
}

export function runLayout(request: RunRequest): RunLayout {
  const entry = resolveEntry(request.language, request.files, request.entry);
  if (!entry) throw new Error('the run has no entry file'); // parsed requests always have one
  if (request.language !== 'java') return { files: request.files, entry };

  const taken = new Set(request.files.map((f) => f.path));
  let placedEntry = entry;
  const files = request.files.map((file) => {
    if (!file.path.endsWith('.java')) return file;
    const { publicType } = javaSourceFacts(file.content);
    const slash = file.path.lastIndexOf('/');
    const folder = file.path.slice(0, slash + 1);
    const named = `${folder}${publicType}.java`;
    if (!publicType || named === file.path || taken.has(named)) return file;
    taken.add(named);
    if (file.path === entry) placedEntry = named;
    return { path: named, content: file.content };
  });
  const source = request.files.find((f) => f.path === entry)!.content;
  const facts = javaSourceFacts(source);
  const stem = placedEntry.slice(placedEntry.lastIndexOf('/') + 1).replace(/\.java$/, '');
  const type = facts.mainType ?? facts.publicType ?? stem;
  return { files, entry: placedEntry, mainClass: facts.packageName ? `${facts.packageName}.${type}` : type };
}
