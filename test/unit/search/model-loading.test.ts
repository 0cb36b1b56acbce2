import * as assert from 'assert';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ENTITY_OUTPUT_SUFFIX } from '../../../src/core/entities/output-version';
import { createExtractor, extractorId, loadModel } from '../../../src/workers/entity-extractor';

const SHIPPED_MODEL = path.join(__dirname, '..', '..', '..', '..', 'models', 'ner.bin');

describe('loadModel', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-model-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped model and finds entities with it', () => {
    const model = loadModel(SHIPPED_MODEL);
    assert.ok(model.ok);
    assert.deepStrictEqual(
      model.extract('Vladimir Putin met Sergei Lavrov in Moscow.').map((entity) => entity.key),
      ['PER:vladimir putin', 'PER:sergei lavrov', 'LOC:moscow'],
    );
  });

  it('says in words, never throwing, that a model is missing or corrupt and what still works', () => {
    const missing = loadModel(path.join(dir, 'ner.bin'));
    assert.ok(!missing.ok);
    assert.match(missing.problem, /^News Corpus: the entity model .*ner\.bin is missing; people, places and organizations are not available\. Search and the Dates view still work/);
    const corrupt = path.join(dir, 'corrupt.bin');
    writeFileSync(corrupt, 'not a model at all, just some text that is long enough to pass a header check'.repeat(4));
    const broken = loadModel(corrupt);
    assert.ok(!broken.ok);
    assert.match(broken.problem, /^News Corpus: the entity model .*corrupt\.bin cannot be used: this file is not an entity model\. people, places/);
  });
});

describe('extractorId', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-model-id-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names a model by its bytes: the same bytes the same name, one byte changed another', () => {
    const copy = path.join(dir, 'copy.bin');
    copyFileSync(SHIPPED_MODEL, copy);
    const shipped = extractorId({ kind: 'model', modelPath: SHIPPED_MODEL });
    assert.match(shipped, /^ner:[0-9a-f]{16}\+entities-v\d+$/);
    assert.strictEqual(extractorId({ kind: 'model', modelPath: copy, unchecked: true }), shipped, 'another path, the same bytes, checked or not');
    const bytes = readFileSync(copy);
    for (const at of [0, bytes.length >> 1, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 1;
      writeFileSync(copy, changed);
      assert.notStrictEqual(extractorId({ kind: 'model', modelPath: copy }), shipped, `byte ${at} changed`);
    }
  });

  it('is the first 16 hex digits of the SHA-1 of the file, then the version of the entity output', () => {
    const digest = createHash('sha1').update(readFileSync(SHIPPED_MODEL)).digest('hex');
    assert.strictEqual(extractorId({ kind: 'model', modelPath: SHIPPED_MODEL }), `ner:${digest.slice(0, 16)}${ENTITY_OUTPUT_SUFFIX}`);
  });

  it('names no extractor, and a model that cannot be loaded, "none" (the threads then find no entities), saying why as loadModel does', () => {
    assert.strictEqual(extractorId({ kind: 'none' }), 'none');
    const corrupt = path.join(dir, 'corrupt.bin');
    writeFileSync(corrupt, readFileSync(SHIPPED_MODEL).subarray(0, 4096));
    for (const modelPath of [path.join(dir, 'missing.bin'), corrupt]) {
      const problems: string[] = [];
      assert.strictEqual(extractorId({ kind: 'model', modelPath, unchecked: true }, (problem) => problems.push(problem)), 'none');
      const loaded = loadModel(modelPath);
      assert.ok(!loaded.ok);
      assert.deepStrictEqual(problems, [loaded.problem]);
    }
  });
});

describe('extractorId with a record of the model’s name', () => {
  let dir: string;
  let model: string;
  let records: { file: string; now: () => number };
  let hashed: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-model-record-'));
    model = path.join(dir, 'ner.bin');
    copyFileSync(SHIPPED_MODEL, model);
    // The copy was changed just now: a clock a minute ahead lets its name be recorded (see the racy window below).
    records = { file: path.join(dir, 'index.ncidx.model-id.json'), now: () => Date.now() + 60_000 };
    hashed = extractorId({ kind: 'model', modelPath: SHIPPED_MODEL });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const recordOf = () => JSON.parse(readFileSync(records.file, 'utf8')) as Record<string, string>;
  const MADE_UP = 'ner:made-up-by-the-test';

  it('names an unchanged model from the record, without hashing it: a record with a made-up name gives that name', () => {
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed);
    writeFileSync(records.file, JSON.stringify({ ...recordOf(), id: MADE_UP }));
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), `${MADE_UP}${ENTITY_OUTPUT_SUFFIX}`);
  });

  it('hashes the model again when its path, size, times, device, inode or header differ from the record, and records it anew', () => {
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed);
    const recorded = recordOf();
    for (const field of ['path', 'size', 'mtimeNs', 'ctimeNs', 'dev', 'ino', 'header']) {
      writeFileSync(records.file, JSON.stringify({ ...recorded, [field]: `${recorded[field] ?? ''}0`, id: MADE_UP }));
      assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed, `${field} differs`);
      assert.deepStrictEqual(recordOf(), recorded, `recorded again after ${field} differed`);
    }
  });

  it('hashes the model again when the record is no record of a name (JSON null, an array, a number, not JSON)', () => {
    for (const foreign of ['null', '[]', '42', '{"id":', '']) {
      writeFileSync(records.file, foreign);
      assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed, `record ${JSON.stringify(foreign)}`);
    }
  });

  /** A number of the record's stamp. */
  const recorded = (field: 'mtimeNs' | 'ino' | 'size') => BigInt(recordOf()[field] ?? '');
  /** The model's bytes with one bit flipped, its size kept. */
  const changedModel = () => {
    const changed = readFileSync(model);
    const at = changed.length >> 1;
    changed[at] = (changed[at] ?? 0) ^ 1;
    return changed;
  };
  /**
   * Records the model's name with its times set to a whole second, which `utimesSync` can set again exactly (it
   * takes seconds as a double: nanoseconds are lost), so that a rewrite can keep the recorded mtime to the nanosecond.
   */
  const recordAtWholeSecond = () => {
    const settled = new Date(1_700_000_000_000);
    utimesSync(model, settled, settled);
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed);
    return settled;
  };

  it('hashes a model replaced by a changed copy with the same size and modification time, renamed over it', () => {
    const settled = recordAtWholeSecond();
    const copy = path.join(dir, 'copy.bin');
    writeFileSync(copy, changedModel());
    utimesSync(copy, settled, settled);
    renameSync(copy, model);
    assert.deepStrictEqual([statSync(model, { bigint: true }).mtimeNs, statSync(model, { bigint: true }).size], [recorded('mtimeNs'), recorded('size')]);
    const id = extractorId({ kind: 'model', modelPath: model }, undefined, records);
    assert.notStrictEqual(id, hashed);
    assert.strictEqual(id, extractorId({ kind: 'model', modelPath: model }));
  });

  it('hashes a model rewritten in place with the same size and modification time (`cp -p` onto it: same inode)', () => {
    const settled = recordAtWholeSecond();
    writeFileSync(model, changedModel());
    utimesSync(model, settled, settled);
    const { mtimeNs, ino, size } = statSync(model, { bigint: true });
    assert.deepStrictEqual([mtimeNs, ino, size], [recorded('mtimeNs'), recorded('ino'), recorded('size')]);
    const id = extractorId({ kind: 'model', modelPath: model }, undefined, records);
    assert.notStrictEqual(id, hashed);
    assert.strictEqual(id, extractorId({ kind: 'model', modelPath: model }));
  });

  it('records no name for a model changed less than 2 s before it was hashed: a rewrite then could keep its times', () => {
    const changedMs = Math.max(statSync(model).mtimeMs, statSync(model).ctimeMs);
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, { file: records.file, now: () => changedMs + 1_999 }), hashed);
    assert.ok(!existsSync(records.file));
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, { file: records.file, now: () => changedMs + 2_001 }), hashed);
    assert.ok(existsSync(records.file));
  });

  it('names a missing or corrupt model "none" and says why whatever was recorded', () => {
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, undefined, records), hashed);
    writeFileSync(model, readFileSync(model).subarray(0, 4096));
    const problems: string[] = [];
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, (problem) => problems.push(problem), records), 'none');
    rmSync(model);
    assert.strictEqual(extractorId({ kind: 'model', modelPath: model }, (problem) => problems.push(problem), records), 'none');
    assert.strictEqual(problems.length, 2);
  });
});

describe('createExtractor', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-extractor-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('throws on a model that cannot be loaded, unless it is unchecked: then it says why and extracts nothing', () => {
    const corrupt = path.join(dir, 'corrupt.bin');
    writeFileSync(corrupt, 'not a model at all, just some text that is long enough to pass a header check'.repeat(4));
    assert.throws(() => createExtractor({ kind: 'model', modelPath: corrupt }), /^Error: News Corpus: the entity model .*corrupt\.bin cannot be used/);
    const problems: string[] = [];
    const extract = createExtractor({ kind: 'model', modelPath: corrupt, unchecked: true }, (problem) => problems.push(problem));
    assert.deepStrictEqual(extract('Vladimir Putin met Sergei Lavrov in Moscow.'), []);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0] ?? '', /^News Corpus: the entity model .*corrupt\.bin cannot be used: this file is not an entity model\. people, places/);
  });
});
