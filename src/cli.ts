import { runCli } from './cli/run';
import { withProductPrefix } from './core/messages';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${withProductPrefix(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
