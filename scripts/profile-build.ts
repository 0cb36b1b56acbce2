// `npm run bench:build -- DIR [--articles N] [--service | --service-only] [--rounds R] [--workers W]`: where the cold build's time goes, per phase,
// on the articles of DIR (a folder the benchmark generated, e.g. /tmp/news-corpus-bench/reuters-real-5000-20230913):
// the recogniser alone (per token), merging, role mining, the batch builder without and with entities (one thread),
// and with --service the whole cold build through the indexing threads (2 by default, as on the target machine).
// It prints a digest of every output, so that two versions of the code can be compared for identical output.
// Timings are noisy on a shared machine: the load average is printed, compare versions as ratios in one run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extractArticleEntities } from '../src/core/entities/article-entities';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { articleRoles } from '../src/core/entities/roles';
import { ArticleEntity } from '../src/core/entities/types';
import { BatchBuilder } from '../src/core/search/batch-builder';
import { IndexService } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { FileJob } from '../src/workers/protocol';
import { MODEL } from './bench-paths';

/** Articles per batch, as the indexing threads are sent them. */
const BATCH_FILES = 200;
const MB = 1024 * 1024;

interface Options {
  readonly dir: string;
  readonly articles: number;
  readonly service: boolean;
  /** Only the cold builds through the indexing threads (--service-only), not the phases on one thread. */
  readonly serviceOnly: boolean;
  readonly rounds: number;
  readonly workers: number;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const dir = args.find((arg, i) => !arg.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (dir === undefined) throw new Error('Usage: npm run bench:build -- DIR [--articles N] [--service | --service-only] [--rounds R] [--workers W]');
  return {
    dir,
    articles: Number(value('--articles') ?? Infinity),
    service: args.includes('--service') || args.includes('--service-only'),
    serviceOnly: args.includes('--service-only'),
    rounds: Number(value('--rounds') ?? 1),
    workers: Number(value('--workers') ?? 2),
  };
}

/** A running digest of outputs, to compare two versions of the code. */
class Digest {
  private readonly hash = createHash('sha1');

  add(value: unknown): void {
    this.hash.update(JSON.stringify(value));
  }

  get hex(): string {
    return this.hash.digest('hex').slice(0, 16);
  }
}

/**
 * Least CPU milliseconds (user + system) of `rounds` runs of `run` (the first run's output is kept in the
 * digest). CPU time, not wall clock: on a machine shared with other work the wall clock mostly measures the load.
 */
function best(rounds: number, run: (round: number) => void): number {
  let fastest = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage();
    run(round);
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const files = listArticleFiles(options.dir).slice(0, options.articles);
  const bytes = files.map((file) => new Uint8Array(readFileSync(file.path)));
  const texts = bytes.map((data) => Buffer.from(data).toString('utf8'));
  const textMb = bytes.reduce((sum, data) => sum + data.length, 0) / MB;
  console.log(`${files.length} articles, ${textMb.toFixed(1)} MB of text; load ${load()}`);
  if (!options.serviceOnly) phasesOnOneThread(files, bytes, texts, options.rounds);
  if (options.service) await coldBuilds(options, files);
}

/** The recogniser, merging, role mining and the batch builder, each on its own, on this thread. */
function phasesOnOneThread(files: readonly FileJob[], bytes: readonly Uint8Array[], texts: readonly string[], rounds: number): void {
  const recognizer = EntityRecognizer.fromModel(new Uint8Array(readFileSync(MODEL)));
  const tokens = texts.reduce((sum, text) => sum + recognizer.countTokens(text), 0);
  console.log(`${tokens} recogniser tokens`);
  const figures: Record<string, number> = {};
  const digests: Record<string, string> = {};

  const spans = new Digest();
  figures['recognize'] = best(rounds, (round) => {
    for (const text of texts) {
      const found = recognizer.recognize(text);
      if (round === 0) spans.add(found);
    }
  });
  digests['spans'] = spans.hex;

  const merged = new Digest();
  const entities: ArticleEntity[][] = [];
  figures['recognize+merge'] = best(rounds, (round) => {
    for (const text of texts) {
      const found = extractArticleEntities(recognizer, text);
      if (round === 0) {
        merged.add(found);
        entities.push(found);
      }
    }
  });
  digests['entities'] = merged.hex;

  const roles = new Digest();
  figures['roles'] = best(rounds, (round) => {
    texts.forEach((text, i) => {
      const found = articleRoles(text, entities[i] ?? []);
      if (round === 0) roles.add([...found]);
    });
  });
  digests['roles'] = roles.hex;

  const build = (extract: (text: string) => readonly ArticleEntity[], digest: Digest, round: number): void => {
    const builder = new BatchBuilder(extract);
    files.forEach((file, i) => {
      builder.addBytes({ path: file.path, size: file.size ?? 0, mtimeMs: file.mtimeMs ?? 0 }, bytes[i] ?? new Uint8Array(0));
      if ((i + 1) % BATCH_FILES === 0 || i + 1 === files.length) {
        const batch = builder.finish();
        if (round === 0) digest.add([Array.from(batch.tokens), batch.articles.length, batch.entities]);
      }
    });
    if (round === 0) digest.add(builder.finish().vocabulary);
  };
  const plain = new Digest();
  figures['batches without entities'] = best(rounds, (round) => build(() => [], plain, round));
  digests['batches without entities'] = plain.hex;
  const full = new Digest();
  figures['batches with entities'] = best(rounds, (round) => build((text) => extractArticleEntities(recognizer, text), full, round));
  digests['batches with entities'] = full.hex;

  const per = (name: string): string => `${(figures[name] ?? 0).toFixed(0).padStart(7)} ms CPU`;
  console.log(`recognize                 ${per('recognize')}  ${((tokens / (figures['recognize'] ?? 1)) * 1000).toFixed(0)} tokens per CPU second, ${(((figures['recognize'] ?? 0) * 1e6) / tokens).toFixed(0)} ns a token`);
  console.log(`merge (extract − recognize)${per('recognize+merge').slice(1)}  (${((figures['recognize+merge'] ?? 0) - (figures['recognize'] ?? 0)).toFixed(0)} ms merging)`);
  console.log(`roles                     ${per('roles')}`);
  console.log(`batches without entities  ${per('batches without entities')}`);
  console.log(`batches with entities     ${per('batches with entities')}`);
  console.log(`digests ${JSON.stringify(digests)}`);
}

/** The whole cold build through the indexing threads, without entities and then with them. */
async function coldBuilds(options: Options, files: readonly FileJob[]): Promise<void> {
  for (const extractor of [{ kind: 'none' } as const, { kind: 'model', modelPath: MODEL } as const]) {
    const loadBefore = load();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const service = new IndexService({ root: options.dir, extractor, workers: options.workers });
    const outcome = await service.open(options.articles === Infinity ? listArticleFiles(options.dir) : files);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(
      `cold build (${options.workers} threads, ${extractor.kind === 'none' ? 'no entities' : 'entities'}): ${(ms / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s), ${outcome.sync.added} articles, ` +
        `${service.index.entityCount} entities, rss ${(process.memoryUsage().rss / MB).toFixed(0)} MB; load before ${loadBefore}, after ${load()}`,
    );
    await service.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
