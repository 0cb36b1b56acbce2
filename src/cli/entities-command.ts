import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { readArticleFile } from '../core/article-file';
import { partOf } from '../core/display-text';
import { extractArticleEntities } from '../core/entities/article-entities';
import { EntityCatalog } from '../core/entities/catalog';
import { EntityRecognizer } from '../core/entities/recognizer';
import { defaultExtractorSpec } from '../workers/entity-extractor';
import { listArticleFiles } from '../workers/list-files';
import { CliCommand, CliIo, CliUsageError, optionValue } from './command';

const ENTITIES_USAGE = [
  'Usage: news-corpus entities [--model FILE]',
  '       news-corpus entities --corpus DIR [--model FILE]',
  '',
  'Without --corpus: reads JSON lines {"id", "text"} on standard input and writes one line',
  '{"id", "entities": [{"start", "end", "type", "text"}]} per input line (offsets index "text").',
  'A bad line is reported on standard error with its number; the others are still processed,',
  'and the exit code is 1.',
  '',
  'With --corpus DIR: reads every article (.txt file starting with " date ") under DIR and prints',
  'the entities of the whole corpus as JSON, mentions merged into one entity per real-world thing.',
  '  --model FILE     entity model (default: the shipped models/ner.bin)',
].join('\n');

interface EntitiesOptions {
  readonly corpus?: string;
  readonly model: string;
}

function parseOptions(args: readonly string[]): EntitiesOptions {
  let corpus: string | undefined;
  let model: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--corpus') corpus = optionValue(args, i++);
    else if (arg === '--model') model = optionValue(args, i++);
    else throw new CliUsageError(`unexpected argument "${arg}".`);
  }
  if (corpus !== undefined && (!existsSync(corpus) || !statSync(corpus).isDirectory())) throw new CliUsageError(`"${corpus}" is not a folder.`);
  const spec = defaultExtractorSpec();
  const modelPath = model ?? (spec.kind === 'model' ? spec.modelPath : undefined);
  if (modelPath === undefined) throw new Error('the entity model models/ner.bin was not found; run "npm run train" or pass --model FILE.');
  if (!existsSync(modelPath)) throw new CliUsageError(`the entity model "${modelPath}" does not exist.`);
  return corpus === undefined ? { model: modelPath } : { corpus, model: modelPath };
}

/** Why a JSON line cannot be processed, or its id and text. */
function parseLine(line: string): { id: string | number; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id", "text"}';
  const record = value as Record<string, unknown>;
  const id = record['id'];
  const text = record['text'];
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" is missing or is not a string or number';
  if (typeof text !== 'string') return '"text" is missing or is not a string';
  return { id, text };
}

async function tagLines(recognizer: EntityRecognizer, io: CliIo): Promise<number> {
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      bad++;
      io.error(`News Corpus: line ${lineNumber}: ${parsed}; skipped.\n`);
      continue;
    }
    const entities = recognizer.recognize(parsed.text).map(({ start, end, type, text }) => ({ start, end, type, text }));
    io.write(`${JSON.stringify({ id: parsed.id, entities })}\n`);
  }
  if (bad > 0) io.error(`News Corpus: ${partOf(bad, lineNumber, 'line')} could not be processed.\n`);
  return bad > 0 ? 1 : 0;
}

/**
 * The article's text with its ` date …` header blanked out, so offsets still index the text (as an editor
 * shows it: without a byte-order mark); `undefined` for files that are not articles (binary, no header, …).
 */
function articleBody(bytes: Uint8Array): string | undefined {
  const result = readArticleFile(bytes);
  if (result.kind === 'skipped') return undefined;
  const bodyStart = result.article.paragraphs[0]?.start ?? result.text.length;
  return ' '.repeat(bodyStart) + result.text.slice(bodyStart);
}

function catalogCorpus(recognizer: EntityRecognizer, dir: string, io: CliIo): number {
  const catalog = new EntityCatalog();
  const root = path.resolve(dir);
  let skipped = 0;
  for (const file of listArticleFiles(root)) {
    let body: string | undefined;
    try {
      body = articleBody(readFileSync(file.path));
    } catch (error) {
      io.error(`News Corpus: cannot read ${file.path}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    if (body === undefined) {
      skipped++;
      continue;
    }
    catalog.add(path.relative(root, file.path).split(path.sep).join('/'), extractArticleEntities(recognizer, body));
  }
  const entities = catalog.entities().map((entity) => ({ ...entity, mentions: catalog.mentionsOf(entity.key) }));
  io.write(`${JSON.stringify({ articles: catalog.articleCount, skipped, entities }, null, 2)}\n`);
  return 0;
}

/**
 * `news-corpus entities`: the entity recogniser on JSON lines, or the merged entities of a corpus folder.
 *
 * @example
 * await runCli(['entities'], io);                    // JSON lines in, JSON lines out
 * await runCli(['entities', '--corpus', 'news'], io); // {"articles": 2, "skipped": 0, "entities": […]}
 */
export const ENTITIES_COMMAND: CliCommand = {
  name: 'entities',
  summary: 'Find people, places and organizations (JSON lines, or a whole corpus)',
  usage: ENTITIES_USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    const recognizer = EntityRecognizer.fromModel(new Uint8Array(readFileSync(options.model)));
    return options.corpus === undefined ? tagLines(recognizer, io) : catalogCorpus(recognizer, options.corpus, io);
  },
};
