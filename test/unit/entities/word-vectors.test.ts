import * as assert from 'assert';
import * as fc from 'fast-check';
import { Decoder } from '../../../src/core/entities/decoder';
import { VectorPosition, vectorKey } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { ModelData, readModel, writeModel } from '../../../src/core/entities/model-file';
import { EntityRecognizer } from '../../../src/core/entities/recognizer';
import { TAG_COUNT, TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { TrainingDocument, trainPerceptron } from '../../../src/core/entities/trainer';
import { projectVectors, symmetricEigen } from '../../../src/core/entities/vector-projection';
import { WeightTable } from '../../../src/core/entities/weights';
import { WordClusters, packClusters } from '../../../src/core/entities/word-clusters';
import { VECTOR_STEPS_PER_DEVIATION, WordVectors } from '../../../src/core/entities/word-vectors';
import { lowerCaseHashOf } from './fixtures';

/** A lexicon whose only words are those of `vectors` (word → int8 values), each in the embedding clusters too. */
function lexiconOf(vectors: ReadonlyMap<string, readonly number[]>, dimensions: number): Omit<ModelData, 'weights'> {
  const embeddings = WordClusters.build(new Map([...vectors.keys()].map((word) => [lowerCaseHashOf(word), packClusters([0, 0, 0])])));
  return {
    gazetteer: Gazetteer.build([]),
    clusters: WordClusters.build(new Map()),
    embeddings,
    vectors: WordVectors.build(embeddings, new Map([...vectors].map(([word, values]) => [lowerCaseHashOf(word), Int8Array.from(values)])), dimensions),
  };
}

/** A decoder for weight rows (feature key → a weight per tag) over `lexiconOf(vectors)`, through the model file. */
function decoderOf(rows: ReadonlyMap<number, readonly number[]>, vectors: ReadonlyMap<string, readonly number[]>, dimensions: number): Decoder {
  return new Decoder(readModel(writeModel({ weights: WeightTable.fromRows(rows, 1), ...lexiconOf(vectors, dimensions) })));
}

function decode(decoder: Decoder, text: string): number[] {
  const tokens = tokenize(text);
  return [...decoder.decode(text, tokens).subarray(0, tokens.count)];
}

/** A row of TAG_COUNT weights, `weights` at the given tags and 0 elsewhere. */
function rowOf(weights: ReadonlyMap<number, number>): number[] {
  return Array.from({ length: TAG_COUNT }, (_, tag) => weights.get(tag) ?? 0);
}

const U_PER = tagOf(0, TagPart.Unit);
const U_LOC = tagOf(1, TagPart.Unit);
const U_ORG = tagOf(2, TagPart.Unit);

describe('projected word vectors as real-valued features', () => {
  it('scores a word by Σ value × weight over its dimensions, in quantisation steps, as the decoder tags it', () => {
    const dimensions = 3;
    const scored = [TAG_O, U_PER, U_LOC, U_ORG];
    const weight = fc.integer({ min: -2000, max: 2000 });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -127, max: 127 }), { minLength: dimensions, maxLength: dimensions }),
        fc.array(fc.array(weight, { minLength: scored.length, maxLength: scored.length }), { minLength: dimensions, maxLength: dimensions }),
        (vector, weights) => {
          const score = (k: number): number => Math.round(vector.reduce((sum, value, d) => sum + value * (weights[d]?.[k] ?? 0), 0) / VECTOR_STEPS_PER_DEVIATION);
          const scores = scored.map((_, k) => score(k));
          const best = Math.max(...scores);
          fc.pre(scores.filter((value) => value === best).length === 1 && best > 0);
          const rows = new Map(weights.map((perTag, d) => [vectorKey(VectorPosition.Token, d), rowOf(new Map(scored.map((tag, k) => [tag, perTag[k] ?? 0])))]));
          const decoder = decoderOf(rows, new Map([['zorblat', vector]]), dimensions);
          assert.deepStrictEqual(decode(decoder, 'Zorblat'), [scored[scores.indexOf(best)]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a token the features of the previous and next words\' vectors, and none to a word without a vector', () => {
    const vectors = new Map([
      ['said', [40]],
      ['sank', [-40]],
      ['of', [40]],
    ]);
    const rows = new Map([
      [vectorKey(VectorPosition.Next, 0), rowOf(new Map([[U_PER, 100], [U_LOC, -100]]))],
      [vectorKey(VectorPosition.Previous, 0), rowOf(new Map([[U_ORG, 300]]))],
    ]);
    const decoder = decoderOf(rows, vectors, 1);
    assert.deepStrictEqual(decode(decoder, 'Zorblat said'), [U_PER, TAG_O]);
    assert.deepStrictEqual(decode(decoder, 'Zorblat sank'), [U_LOC, TAG_O]);
    assert.deepStrictEqual(decode(decoder, 'Zorblat whistled'), [TAG_O, TAG_O]);
    assert.deepStrictEqual(decode(decoder, 'of Zorblat'), [TAG_O, U_ORG]);
  });

  it('numbers the rows in the slot order of the embedding clusters and carries them through the model file', () => {
    const words = new Map([
      ['paris', [10, -3]],
      ['lima', [-7, 127]],
      ['google', [0, 1]],
    ]);
    const lexicon = lexiconOf(words, 2);
    const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, [1]]]), 1), ...lexicon });
    const read = readModel(bytes).vectors;
    for (const [word, values] of words) {
      const row = read.rowOf(lowerCaseHashOf(word));
      assert.deepStrictEqual([...read.values.subarray(row * 2, row * 2 + 2)], values);
      assert.strictEqual(row, lexicon.vectors.rowOf(lowerCaseHashOf(word)));
    }
    assert.deepStrictEqual([...words.keys()].map((word) => lexicon.vectors.rowOf(lowerCaseHashOf(word))).sort(), [0, 1, 2]);
    assert.strictEqual(read.rowOf(lowerCaseHashOf('tokyo')), -1);
    assert.strictEqual(lexiconOf(words, 0).vectors.rowOf(lowerCaseHashOf('paris')), -1);
    assert.throws(() => WordVectors.build(lexicon.embeddings, new Map([[lowerCaseHashOf('tokyo'), Int8Array.of(1, 2)]]), 2), /^Error: News Corpus: every word vector needs a word of the embedding clusters/);
  });

  it('refuses to write word vectors built for other embedding clusters than the model\'s', () => {
    const lexicon = lexiconOf(new Map([['paris', [1, 2]], ['berlin', [3, 4]]]), 2);
    const other = lexiconOf(new Map([['rome', [5, 6]], ['madrid', [7, 8]], ['oslo', [9, 10]]]), 2);
    const weights = WeightTable.fromRows(new Map([[7, [1]]]), 1);
    assert.strictEqual(lexicon.vectors.alignedWith(lexicon.embeddings), true);
    assert.strictEqual(lexicon.vectors.alignedWith(other.embeddings), false);
    assert.throws(() => writeModel({ weights, ...lexicon, embeddings: other.embeddings }), /^Error: News Corpus: the word vectors were built for other embedding clusters/);
    assert.doesNotThrow(() => writeModel({ weights, ...lexicon, vectors: WordVectors.build(other.embeddings, new Map(), 0), embeddings: other.embeddings }));
  });

  it('refuses a model file of the format before the vectors, asking for a retrained model', () => {
    const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, [1]]]), 1), ...lexiconOf(new Map([['paris', [1]]]), 1) });
    const previous = bytes.slice();
    new DataView(previous.buffer).setUint32(4, 7, true);
    assert.throws(() => readModel(previous), /^Error: News Corpus: the entity model has format 7, this version reads 8; rebuild it with "npm run train"\.$/);
    assert.throws(() => readModel(bytes.subarray(0, bytes.length - 4)), /^Error: News Corpus: the entity model file is corrupt/);
  });

  it('refuses a damaged file whose vector header or rows reach beyond the vectors it holds', () => {
    const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, [1]]]), 1), ...lexiconOf(new Map([['paris', [1, 2, 3, 4]]]), 4) });
    // Dimensions far beyond any projection, no words: the same length once the one word's 4 values are cut off.
    const huge = bytes.slice(0, bytes.length - 4);
    new DataView(huge.buffer).setUint32(32, 0x7fffffff, true);
    new DataView(huge.buffer).setUint32(36, 0, true);
    assert.throws(() => readModel(huge), /^Error: News Corpus: the entity model file is corrupt/);
    // The word's row number (1 + row, 16 bits, just before the values) pointing past the one row there is.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const rowAt = Array.from({ length: (bytes.length - 4) / 2 }, (_, i) => bytes.length - 6 - 2 * i).find((at) => view.getUint16(at, true) === 1);
    assert.notStrictEqual(rowAt, undefined);
    const beyond = bytes.slice();
    new DataView(beyond.buffer).setUint16(rowAt ?? 0, 2, true);
    assert.throws(() => readModel(beyond), /^Error: News Corpus: the entity model file is corrupt \(a word vector beyond its table\)\.$/);
    assert.strictEqual(readModel(bytes).vectors.rowOf(lowerCaseHashOf('paris')), 0);
  });

  it('learns weights for the token\'s vector, and for its neighbours\' only when asked, deterministically', () => {
    const places = ['Oslo', 'Lima', 'Kyiv', 'Hanoi'];
    const people = ['Anna', 'Boris', 'Carla', 'Dmitri'];
    const documents: TrainingDocument[] = [];
    for (let i = 0; i < 40; i++) {
      const place = places[i % places.length] ?? '';
      const person = people[(i * 3) % people.length] ?? '';
      const text = `${place} and ${person} were there.`;
      documents.push({ text, entities: [{ start: 0, end: place.length, type: 'LOC' }, { start: place.length + 5, end: place.length + 5 + person.length, type: 'PER' }] });
    }
    const vectors = new Map([...places.map((word): [string, number[]] => [word.toLowerCase(), [60, -20]]), ...people.map((word): [string, number[]] => [word.toLowerCase(), [-60, 20]]), ['and', [5, 5]]]);
    const lexicon = lexiconOf(vectors, 2);
    const tokenOnly = trainPerceptron(documents, lexicon, { epochs: 2, runs: 1 });
    const withNeighbours = trainPerceptron(documents, lexicon, { epochs: 2, runs: 1, vectorNeighbours: true });
    const weightsOf = (table: WeightTable, position: VectorPosition): number => {
      const scores = new Int32Array(TAG_COUNT);
      for (let d = 0; d < 2; d++) table.add(vectorKey(position, d), scores);
      return scores.reduce((sum, value) => sum + Math.abs(value), 0);
    };
    assert.ok(weightsOf(tokenOnly, VectorPosition.Token) > 0);
    assert.strictEqual(weightsOf(tokenOnly, VectorPosition.Next), 0);
    assert.ok(weightsOf(withNeighbours, VectorPosition.Next) > 0);
    assert.deepStrictEqual(writeModel({ weights: trainPerceptron(documents, lexicon, { epochs: 2, runs: 1 }), ...lexicon }), writeModel({ weights: tokenOnly, ...lexicon }));
    const recognizer = EntityRecognizer.fromModel(writeModel({ weights: tokenOnly, ...lexicon }));
    assert.deepStrictEqual(recognizer.recognize('Kyiv and Carla were there.').map((span) => [span.text, span.type]), [['Kyiv', 'LOC'], ['Carla', 'PER']]);
  });

  describe('the projection', () => {
    it('finds the eigenvalues and orthonormal eigenvectors of a symmetric matrix, largest first', () => {
      const n = 5;
      fc.assert(
        fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }), (entries) => {
          const matrix = Float64Array.from({ length: n * n }, (_, at) => (entries[at] ?? 0) + (entries[(at % n) * n + Math.floor(at / n)] ?? 0));
          const { values, vectors } = symmetricEigen(matrix, n);
          for (let k = 0; k < n; k++) {
            if (k > 0) assert.ok((values[k] ?? 0) <= (values[k - 1] ?? 0));
            for (let i = 0; i < n; i++) {
              let product = 0;
              for (let j = 0; j < n; j++) product += (matrix[i * n + j] ?? 0) * (vectors[k * n + j] ?? 0);
              assert.ok(Math.abs(product - (values[k] ?? 0) * (vectors[k * n + i] ?? 0)) < 1e-8);
            }
            for (let other = 0; other < n; other++) {
              let dot = 0;
              for (let i = 0; i < n; i++) dot += (vectors[k * n + i] ?? 0) * (vectors[other * n + i] ?? 0);
              assert.ok(Math.abs(dot - (k === other ? 1 : 0)) < 1e-9);
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    it('keeps the direction the vectors vary most along first, each component at VECTOR_STEPS_PER_DEVIATION steps per deviation', () => {
      // Unit vectors around (1, 1, 0, 0) / √2 that differ mostly along (1, −1, 0, 0), a little along the third axis.
      const count = 400;
      const vectors = new Float32Array(count * 4);
      for (let row = 0; row < count; row++) {
        const spread = Math.sin(row * 12.9898) * 0.6;
        const small = Math.cos(row * 78.233) * 0.05;
        vectors.set([1 + spread, 1 - spread, small, 0], row * 4);
      }
      const projected = projectVectors(vectors, 4, 2);
      assert.deepStrictEqual(projected, projectVectors(vectors, 4, 2));
      const signs = { same: 0, opposite: 0 };
      const squares = [0, 0];
      for (let row = 0; row < count; row++) {
        const spread = Math.sin(row * 12.9898);
        const first = projected[row * 2] ?? 0;
        if (Math.abs(spread) > 0.05) signs[Math.sign(first) === Math.sign(spread) ? 'same' : 'opposite']++;
        for (let k = 0; k < 2; k++) squares[k] = (squares[k] ?? 0) + (projected[row * 2 + k] ?? 0) ** 2;
      }
      // The sign of a component is a convention (its largest coordinate positive): the spread's sign must decide it throughout.
      assert.ok(signs.same === 0 || signs.opposite === 0, JSON.stringify(signs));
      for (const sum of squares) assert.ok(Math.abs(Math.sqrt(sum / count) - VECTOR_STEPS_PER_DEVIATION) < 3);
      assert.throws(() => projectVectors(vectors, 4, 5), /^Error: News Corpus: cannot project/);
    });

    it('refuses vectors of no dimension and a negative number of components, rather than looping or failing obscurely', () => {
      assert.throws(() => projectVectors(Float32Array.of(1, 2), 0, 0), /^Error: News Corpus: cannot project 0-dimensional vectors on 0 components\.$/);
      assert.throws(() => projectVectors(Float32Array.of(1, 2), 2, -1), /^Error: News Corpus: cannot project 2-dimensional vectors on -1 components\.$/);
      assert.deepStrictEqual(projectVectors(Float32Array.of(3, 4, 0, 1), 2, 0), new Int8Array(0));
    });
  });
});
