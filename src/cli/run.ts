import { withProductPrefix } from '../core/messages';
import { CliCommand, CliIo, CliUsageError } from './command';
import { ENTITIES_COMMAND } from './entities-command';
import { INDEX_COMMAND } from './index-command';
import { SEARCH_COMMAND } from './search-command';

/** Every subcommand, in the order the usage text lists them. */
const COMMANDS: readonly CliCommand[] = [
  INDEX_COMMAND,
  SEARCH_COMMAND,
  ENTITIES_COMMAND,
];

const PROCESS_IO: CliIo = {
  stdin: process.stdin,
  write: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
};

function usage(): string {
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return ['Usage: news-corpus <command> [options]', '', 'Commands:', ...lines, '  help       Show help for a command', ''].join('\n');
}

/**
 * Runs the command-line interface on `args` (without `node` and the script path).
 * Resolves to the exit code: 0 on success, 1 on a failure, 2 on a usage error.
 */
export async function runCli(args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const command = COMMANDS.find((candidate) => candidate.name === rest[0]);
    io.write(command ? `${command.usage}\n` : usage());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.error(`News Corpus: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.error(`${withProductPrefix(error.message)}\n\n${command.usage}\n`);
      return 2;
    }
    io.error(`${withProductPrefix(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}
