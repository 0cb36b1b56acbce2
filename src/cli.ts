import { runCli } from './cli/run';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`News Corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
