import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { defaultCacheFile } from '../workers/cache-file';
import { ExtractorSpec, defaultExtractorSpec } from '../workers/entity-extractor';
import { IndexService, OpenOutcome } from '../workers/index-service';
import { listArticleFiles } from '../workers/list-files';
import { CliCommand, CliIo, CliUsageError, optionValue } from './command';
import { groupDigits } from '../core/display-text';

/** Options shared by `index` and `search`. */
export interface IndexCliOptions {
  readonly dir: string;
  readonly cacheFile: string;
  readonly extractor: ExtractorSpec;
  readonly rebuild: boolean;
  readonly workers?: number;
}

const INDEX_USAGE = [
  'Usage: news-corpus index DIR [--cache FILE] [--model FILE | --no-entities] [--workers N] [--rebuild]',
  '',
  'Builds the search index of the articles under DIR and saves it, re-reading only new and changed',
  'files when a saved index exists. Prints counts and timings.',
  '  --cache FILE     where the index is saved (default: a file under the system temp folder, per DIR)',
  '  --model FILE     entity model (default: the shipped models/ner.bin)',
  '  --no-entities    index without entity extraction',
  '  --workers N      indexing threads (default: one per core, at most 4)',
  '  --rebuild        ignore the saved index',
].join('\n');

/** Parses a positive integer option value, or explains the problem. */
export function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < 1) throw new CliUsageError(`${name} needs a positive whole number, not "${value ?? ''}".`);
  return number;
}

/**
 * Reads the options `index` and `search` share out of `args`, returning them and the arguments left over.
 *
 * @example
 * parseIndexOptions(['/data', '--no-entities']); // { options: { dir: '/data', … }, rest: [] }
 */
export function parseIndexOptions(args: readonly string[], flags: ReadonlySet<string> = new Set(), valued: ReadonlySet<string> = new Set()): { options: IndexCliOptions; rest: string[]; flags: Set<string>; values: Map<string, string> } {
  const positional: string[] = [];
  const seen = new Set<string>();
  const values = new Map<string, string>();
  let cacheFile: string | undefined;
  let model: string | undefined;
  let workers: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--cache') cacheFile = optionValue(args, i++);
    else if (arg === '--model') model = optionValue(args, i++);
    else if (arg === '--workers') workers = positiveInteger('--workers', optionValue(args, i++));
    else if (arg === '--no-entities' || arg === '--rebuild' || flags.has(arg)) seen.add(arg);
    else if (valued.has(arg)) values.set(arg, optionValue(args, i++));
    else if (arg.startsWith('--')) throw new CliUsageError(`unknown option ${arg}.`);
    else positional.push(arg);
  }
  const [dir, ...rest] = positional;
  if (dir === undefined) throw new CliUsageError('name the folder of articles.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`"${dir}" is not a folder.`);
  if (model !== undefined && seen.has('--no-entities')) throw new CliUsageError('--model and --no-entities cannot be used together.');
  if (model !== undefined && !existsSync(model)) throw new CliUsageError(`the entity model "${model}" does not exist.`);
  const extractor: ExtractorSpec = seen.has('--no-entities') ? { kind: 'none' } : model !== undefined ? { kind: 'model', modelPath: model } : defaultExtractorSpec();
  const root = path.resolve(dir);
  const options: IndexCliOptions = { dir: root, cacheFile: path.resolve(cacheFile ?? defaultCacheFile(root)), extractor, rebuild: seen.has('--rebuild'), ...(workers === undefined ? {} : { workers }) };
  return { options, rest, flags: seen, values };
}

/**
 * Opens the index of a folder the way both commands do: from the cache when it is usable, syncing
 * changed files; explains on standard error why a cache was not used.
 *
 * @example
 * const { service } = await openIndex(options, io);
 */
export async function openIndex(options: IndexCliOptions, io: CliIo): Promise<{ service: IndexService; outcome: OpenOutcome; listMs: number }> {
  const started = performance.now();
  const files = listArticleFiles(options.dir);
  const listMs = performance.now() - started;
  const service = new IndexService({
    root: options.dir,
    extractor: options.extractor,
    cacheFile: options.cacheFile,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  const outcome = await service.open(files, { ignoreCache: options.rebuild });
  if (outcome.message !== undefined) io.error(`${outcome.message}\n`);
  return { service, outcome, listMs };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function cacheSize(file: string): string {
  return existsSync(file) ? `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB` : 'none: no articles';
}

async function runIndex(args: readonly string[], io: CliIo): Promise<number> {
  const { options } = parseIndexOptions(args);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { service, outcome, listMs } = await openIndex(options, io);
  // All threads' CPU time up to a complete index, the save left out: on a shared machine it varies less than wall time.
  const cpu = process.cpuUsage(cpuBefore);
  try {
    const saveStarted = performance.now();
    const saved = await service.save();
    const saveMs = performance.now() - saveStarted;
    const index = service.index;
    const { sync } = outcome;
    io.write(
      [
        `Indexed ${groupDigits(index.articleCount)} articles under ${options.dir} (${sync.skipped.length} files skipped).`,
        `  ${outcome.source === 'cache' ? `from the saved index: ${sync.added} added, ${sync.updated} changed, ${sync.removed} removed, ${sync.unchanged} unchanged` : 'built from scratch'}`,
        `  ${groupDigits(index.termCount)} terms, ${groupDigits(index.entityCount)} entities (${options.extractor.kind === 'model' ? `model ${options.extractor.modelPath}` : 'no entity extraction'})`,
        `  list files ${seconds(listMs)}, ${outcome.source === 'cache' ? `load ${seconds(outcome.loadMs)}, ` : ''}read + analyse + index ${seconds(sync.ms)}, ${saved ? `save ${seconds(saveMs)}` : 'nothing to save'}, total ${seconds(performance.now() - started)}; CPU of all threads up to the complete index ${seconds((cpu.user + cpu.system) / 1000)}`,
        `  ${saved ? 'saved to' : 'unchanged, not rewritten:'} ${options.cacheFile} (${cacheSize(options.cacheFile)})`,
        '',
      ].join('\n'),
    );
    for (const skipped of sync.skipped) io.error(`News Corpus: skipped ${skipped.path}: ${skipped.reason}\n`);
    return 0;
  } finally {
    await service.dispose();
  }
}

/** `news-corpus index DIR`: builds and saves the search index, printing counts and timings. */
export const INDEX_COMMAND: CliCommand = {
  name: 'index',
  summary: 'Build and save the search index of a folder of articles',
  usage: INDEX_USAGE,
  run: runIndex,
};
