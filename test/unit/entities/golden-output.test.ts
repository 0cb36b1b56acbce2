import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { extractArticleEntities } from '../../../src/core/entities/article-entities';
import { EntityRecognizer } from '../../../src/core/entities/recognizer';
import { articleRoles } from '../../../src/core/entities/roles';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { extractorId } from '../../../src/workers/entity-extractor';
import { REPO_ROOT } from '../core/fixtures';
import { MODEL_FILE } from './fixtures';

// Speed work on the recogniser, merging, role mining and the batch builder must not change any output.
// The golden file holds a digest of every output on the sample corpus, captured before that work:
// regenerate it (GOLDEN_UPDATE=1 npm run test:unit) only for a deliberate change of output, such as a new model.
// Its first line is the extractor's name the digests were made with (the model file's hash and ENTITY_OUTPUT_VERSION,
// as saved indexes record it): new digests under the same name are refused, so that a change of the rules cannot ship
// without the version that makes saved indexes rebuild, while a new model, which changes the name, needs no new version.
const SAMPLES = path.join(REPO_ROOT, 'samples', 'wikinews');
const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'golden', 'wikinews-entities.txt');
const DIGEST_HEX = 16;

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, DIGEST_HEX);
}

function sampleNames(): string[] {
  return fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.txt')).sort();
}

/** One line per article: its recogniser spans, merged entities and roles, each as a digest. */
function articleLine(recognizer: EntityRecognizer, name: string): string {
  const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
  const spans = recognizer.recognize(text);
  const entities = extractArticleEntities(recognizer, text);
  const roles = [...articleRoles(text, entities)];
  return `${name} spans=${spans.length}:${digest(spans)} entities=${entities.length}:${digest(entities)} roles=${roles.length}:${digest(roles)}`;
}

/** The whole sample corpus through the batch builder with the real extractor: terms, articles, entities, text. */
function batchLine(recognizer: EntityRecognizer, names: readonly string[]): string {
  const builder = new BatchBuilder((text) => extractArticleEntities(recognizer, text));
  for (const name of names) builder.addBytes({ path: name, size: 0, mtimeMs: 0 }, new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))));
  const batch = builder.finish();
  const terms = Array.from(batch.tokens, (id) => id);
  // Each article's numbers of role pairs and form triples, which the batch carries for the index since the roles
  // were digested: the roles and forms themselves are in each article's line (its entities), so the articles' digest
  // is left as the golden file recorded it.
  const articles = batch.articles.map(({ rolePairs: _rolePairs, formTriples: _formTriples, ...meta }) => meta);
  return `batch tokens=${terms.length}:${digest(terms)} vocabulary=${batch.vocabulary.length}:${digest(batch.vocabulary)} articles=${digest(articles)} entities=${batch.entities.length}:${digest(batch.entities)} text=${digest(Array.from(batch.text))}`;
}

function currentOutput(recognizer: EntityRecognizer, names: readonly string[]): string[] {
  return [...names.map((name) => articleLine(recognizer, name)), batchLine(recognizer, names)];
}

/** The golden file's first line: the name saved indexes record for the shipped model and rules. */
function extractorLine(): string {
  return `extractor ${extractorId({ kind: 'model', modelPath: MODEL_FILE })}`;
}

/** Writes new digests, unless they differ from the file's under the same extractor name. */
function writeGolden(extractor: string, lines: readonly string[]): void {
  const [recorded, ...golden] = fs.existsSync(GOLDEN) ? fs.readFileSync(GOLDEN, 'utf8').trimEnd().split('\n') : [];
  if (recorded === extractor && JSON.stringify(golden) !== JSON.stringify(lines)) {
    throw new Error('the entity output changed, and the extractor\'s name did not: raise ENTITY_OUTPUT_VERSION (src/core/entities/output-version.ts) so that saved indexes are rebuilt, then regenerate');
  }
  fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
  fs.writeFileSync(GOLDEN, `${[extractor, ...lines].join('\n')}\n`);
}

describe('entity output on the sample corpus is unchanged (golden digests)', function () {
  this.timeout(120_000);

  it('matches the golden file, article by article, in file order and again in reverse order on the same recogniser', () => {
    const recognizer = EntityRecognizer.fromModel(new Uint8Array(fs.readFileSync(MODEL_FILE)));
    const names = sampleNames();
    const lines = currentOutput(recognizer, names);
    const extractor = extractorLine();
    if (process.env['GOLDEN_UPDATE'] === '1') writeGolden(extractor, lines);
    const [recorded, ...golden] = fs.readFileSync(GOLDEN, 'utf8').trimEnd().split('\n');
    assert.strictEqual(recorded, extractor, 'the golden digests were made with another model or ENTITY_OUTPUT_VERSION: regenerate them');
    assert.deepStrictEqual(lines, golden);
    // Reused buffers and caches must not carry anything from one article to the next.
    const reversed = [...names].reverse().map((name) => articleLine(recognizer, name)).reverse();
    assert.deepStrictEqual(reversed, golden.slice(0, names.length));
  });
});
