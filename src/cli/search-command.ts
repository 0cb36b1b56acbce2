import { createInterface } from 'node:readline';
import { SearchResponse } from '../core/search/corpus-index';
import { QUERY_HELP } from '../core/search/query-help';
import { CliCommand, CliIo, CliUsageError } from './command';
import { openIndex, parseIndexOptions, positiveInteger } from './index-command';
import { countOf } from '../core/display-text';

/** Hits printed per query when `--limit` is not given. */
export const DEFAULT_CLI_LIMIT = 10;

const SEARCH_USAGE = [
  'Usage: news-corpus search DIR "QUERY" [--json] [--limit N] [--cache FILE] [--model FILE | --no-entities]',
  '       news-corpus search DIR --stdin --json [--limit N] …',
  '',
  'Searches the articles under DIR, using (and updating) the saved index of `news-corpus index`.',
  'With --stdin, the index is loaded once and each line of standard input is a query; each answer',
  'is one JSON line with the results (file, date, score, snippet, match offsets) and tookMs, the',
  'time the query took inside the process. A bad query gives a JSON line with an error; the rest go on.',
  '',
  'Query language:',
  ...QUERY_HELP.split('\n').map((line) => `  ${line}`),
].join('\n');

function toJson(query: string, response: SearchResponse): object {
  if (!response.ok) return { query, error: response.error, offset: response.offset, tookMs: response.tookMs };
  return {
    query,
    total: response.total,
    fuzzy: response.fuzzy,
    tookMs: Number(response.tookMs.toFixed(3)),
    results: response.hits.map((hit) => ({
      file: hit.path,
      date: hit.date ?? null,
      title: hit.title,
      score: Number(hit.score.toFixed(4)),
      snippet: hit.snippet.text,
      snippetStart: hit.snippet.start,
      matches: hit.snippet.matches,
    })),
  };
}

function toText(response: SearchResponse & { ok: true }): string {
  const lines = [`${countOf(response.total, 'article')} ${response.total === 1 ? 'matches' : 'match'}${response.fuzzy ? ' (nothing matched exactly: fuzzy matches)' : ''} — ${response.tookMs.toFixed(1)} ms`];
  for (const hit of response.hits) {
    lines.push('', `${hit.date ?? 'undated'}  ${hit.score.toFixed(2)}  ${hit.path}`, `  ${hit.title}`, `  …${hit.snippet.text.replace(/\s+/g, ' ')}…`);
  }
  return `${lines.join('\n')}\n`;
}

async function runSearch(args: readonly string[], io: CliIo): Promise<number> {
  const { options, rest, flags, values } = parseIndexOptions(args, new Set(['--json', '--stdin']), new Set(['--limit']));
  const limit = values.has('--limit') ? positiveInteger('--limit', values.get('--limit')) : DEFAULT_CLI_LIMIT;
  const json = flags.has('--json');
  const stdin = flags.has('--stdin');
  if (stdin && !json) throw new CliUsageError('--stdin answers in JSON lines: add --json.');
  if (stdin && rest.length > 0) throw new CliUsageError('with --stdin the queries come from standard input, not the command line.');
  if (!stdin && rest.length !== 1) throw new CliUsageError(rest.length === 0 ? 'give a query (quote it), or use --stdin --json.' : 'give the query as one argument: quote it.');
  const { service, outcome } = await openIndex(options, io);
  try {
    const { added, updated, removed } = outcome.sync;
    // Keep the next run fast: save when this one had to build or re-read anything.
    if (outcome.source === 'built' || added + updated + removed > 0) await service.save();
    if (stdin) {
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        io.write(`${JSON.stringify(toJson(line, service.search(line, { limit })))}\n`);
      }
      return 0;
    }
    const query = rest[0] ?? '';
    const response = service.search(query, { limit });
    if (json) {
      io.write(`${JSON.stringify(toJson(query, response))}\n`);
      return response.ok ? 0 : 1;
    }
    if (!response.ok) {
      io.error(`${response.error}\n`);
      return 1;
    }
    io.write(toText(response));
    return 0;
  } finally {
    await service.dispose();
  }
}

/** `news-corpus search DIR "query"` and `news-corpus search DIR --stdin --json`. */
export const SEARCH_COMMAND: CliCommand = {
  name: 'search',
  summary: 'Search a folder of articles (one query, or one per line of standard input)',
  usage: SEARCH_USAGE,
  run: runSearch,
};
