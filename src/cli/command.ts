/** One subcommand of the `news-corpus` command-line interface. */
export interface CliCommand {
  /** The word after `news-corpus` that selects this command. */
  readonly name: string;
  /** One line for the usage text. */
  readonly summary: string;
  /** Usage lines shown by `news-corpus help NAME` and on a usage error. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The streams a command reads and writes, passed in so tests can capture them. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  write(text: string): void;
  error(text: string): void;
}

/** An error whose message is shown to the user as it is, without a stack trace. */
export class CliUsageError extends Error {}

/**
 * The value that follows the option at `args[index]`, or a usage error naming the option.
 * Callers pass `i++` so their loop skips the value.
 *
 * @example
 * optionValue(['--limit', '5'], 0); // '5'
 * optionValue(['--limit'], 0);      // throws CliUsageError('--limit needs a value.')
 */
export function optionValue(args: readonly string[], index: number): string {
  const value = args[index + 1];
  if (value === undefined) throw new CliUsageError(`${args[index] ?? 'the option'} needs a value.`);
  return value;
}
