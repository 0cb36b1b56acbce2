import * as assert from 'assert';
import { CliUsageError, optionValue } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/run';

describe('optionValue', () => {
  it('returns the value after an option', () => {
    assert.strictEqual(optionValue(['search', '--limit', '5'], 1), '5');
  });

  it('names the option whose value is missing', () => {
    assert.throws(() => optionValue(['--limit'], 0), (error: unknown) => error instanceof CliUsageError && error.message === '--limit needs a value.');
  });
});

describe('runCli', () => {
  function capture(): { out: string[]; err: string[]; io: Parameters<typeof runCli>[1] } {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdin: process.stdin, write: (text) => out.push(text), error: (text) => err.push(text) } };
  }

  it('lists the commands for help and for no arguments', async () => {
    const { out, io } = capture();
    assert.strictEqual(await runCli([], io), 0);
    for (const name of ['entities', 'index', 'search']) assert.match(out.join(''), new RegExp(`^  ${name} `, 'm'));
  });

  it('rejects an unknown command with exit code 2 and the usage', async () => {
    const { err, io } = capture();
    assert.strictEqual(await runCli(['frobnicate'], io), 2);
    assert.match(err.join(''), /^News Corpus: unknown command "frobnicate"\./);
  });

  it('prefixes a usage error once, without a stack trace', async () => {
    const { err, io } = capture();
    assert.strictEqual(await runCli(['index', '--cache'], io), 2);
    assert.match(err.join(''), /^News Corpus: --cache needs a value\.\n/);
    assert.doesNotMatch(err.join(''), /News Corpus: News Corpus|\n\s+at /);
  });
});
