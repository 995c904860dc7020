// Entry of the standalone bundle (signal/build.mjs -> dist/signal/signal.cjs, run by signal/Dockerfile).
import run from './cli';

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`codecrafter signal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
