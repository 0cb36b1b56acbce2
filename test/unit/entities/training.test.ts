import * as assert from 'assert';
import { FeatureContext, FeatureGroup, MAX_FEATURES } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { Lexicon } from '../../../src/core/entities/lexicon';
import { checkModelHeader, readModel, writeModel } from '../../../src/core/entities/model-file';
import { EntityRecognizer } from '../../../src/core/entities/recognizer';
import { spansToTags, tagsToSpans } from '../../../src/core/entities/spans';
import { TAG_COUNT, TAG_O, TAG_START, TagPart, isAllowed, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { DEFAULT_BAGS, DEFAULT_COST, DEFAULT_OBJECTIVE, DEFAULT_TYPE_COST, TrainingDocument, TrainingOptions, trainPerceptron } from '../../../src/core/entities/trainer';
import { WordClusters } from '../../../src/core/entities/word-clusters';
import { WordVectors } from '../../../src/core/entities/word-vectors';
import { loc, org, per } from './tag-rules';

/** A tiny synthetic corpus (no CoNLL text in the repository): people meet in places, organizations report it. */
function corpus(): TrainingDocument[] {
  const people = ['Anna Berg', 'Boris Kolov', 'Carla Diaz', 'Dmitri Petrov', 'Erik Lund', 'Fatima Noor'];
  const places = ['Oslo', 'Lima', 'Kyiv', 'Hanoi', 'Quito', 'Dakar'];
  const orgs = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Group'];
  const documents: TrainingDocument[] = [];
  for (let i = 0; i < 60; i++) {
    const person = people[i % people.length] ?? '';
    const place = places[(i * 5) % places.length] ?? '';
    const company = orgs[(i * 7) % orgs.length] ?? '';
    const text = `${person} arrived in ${place} on Monday, ${company} said.\nThe visit was short and ${person.split(' ')[1] ?? ''} left.`;
    const entities = [
      { start: 0, end: person.length, type: 'PER' as const },
      { start: text.indexOf(place), end: text.indexOf(place) + place.length, type: 'LOC' as const },
      { start: text.indexOf(company), end: text.indexOf(company) + company.length, type: 'ORG' as const },
    ];
    const surname = person.split(' ')[1] ?? '';
    const at = text.lastIndexOf(surname);
    entities.push({ start: at, end: at + surname.length, type: 'PER' as const });
    documents.push({ text, entities });
  }
  return documents;
}

/** A lexicon with a gazetteer of `names` and no word clusters. */
function lexiconOf(names: readonly string[]): Lexicon {
  const embeddings = WordClusters.build(new Map());
  return { gazetteer: gazetteerOf(names), clusters: WordClusters.build(new Map()), embeddings, vectors: WordVectors.build(embeddings, new Map(), 0) };
}

function gazetteerOf(names: readonly string[]): Gazetteer {
  const context = new FeatureContext();
  return Gazetteer.build(
    names.map((name) => {
      const tokens = tokenize(name);
      context.prepare(name, tokens);
      return { tokens: Array.from(context.low.subarray(0, tokens.count)), category: 0 };
    }),
  );
}

/** The model file trained on `documents` (the synthetic corpus by default) with `options`, 3 epochs unless said. */
function modelBytes(lexicon: Lexicon, options: TrainingOptions = {}, documents: readonly TrainingDocument[] = corpus()): Uint8Array {
  return writeModel({ weights: trainPerceptron(documents, lexicon, { epochs: 3, ...options }), ...lexicon });
}

const TEST_SENTENCE = 'Carla Diaz arrived in Kyiv on Monday, Globex said.';

/** Asserts that a model finds the test sentence's person, place and organization, as the synthetic corpus writes them. */
function assertRecognisesTestSentence(bytes: Uint8Array): void {
  const spans = EntityRecognizer.fromModel(bytes).recognize(TEST_SENTENCE);
  assert.deepStrictEqual(spans.map((span) => [span.text, span.type]), [['Carla Diaz', 'PER'], ['Kyiv', 'LOC'], ['Globex', 'ORG']]);
}

describe('training and the model file', () => {
  it('trains a model that writes, reads back and recognises what it learnt, deterministically', () => {
    const lexicon = lexiconOf(['Oslo', 'Lima', 'North Korea']);
    const first = modelBytes(lexicon);
    assert.deepStrictEqual(first, modelBytes(lexicon));
    assertRecognisesTestSentence(first);
  });

  it('trains the perceptron with a cost deterministically into another model that still recognises what it learnt', () => {
    const lexicon = lexiconOf(['Oslo', 'Lima', 'North Korea']);
    const bytesOf = (options: TrainingOptions): Uint8Array => modelBytes(lexicon, { objective: 'perceptron', ...options });
    assert.deepStrictEqual(bytesOf({ cost: DEFAULT_COST }), bytesOf({}));
    const costed = bytesOf({ cost: 12.5 });
    assert.deepStrictEqual(costed, bytesOf({ cost: 12.5 }));
    assert.notDeepStrictEqual(costed, bytesOf({ cost: 0, typeCost: 0 }), 'the margin must keep updating after the plain perceptron stops');
    assertRecognisesTestSentence(costed);
  });

  it('trains with the CRF objective deterministically into another model that still recognises what it learnt', () => {
    const lexicon = lexiconOf(['Oslo', 'Lima', 'North Korea']);
    const bytesOf = (options: TrainingOptions): Uint8Array => modelBytes(lexicon, options);
    assert.deepStrictEqual(bytesOf({ objective: DEFAULT_OBJECTIVE }), bytesOf({}));
    const crf = bytesOf({ objective: 'crf' });
    assert.deepStrictEqual(crf, bytesOf({ objective: 'crf' }));
    assert.notDeepStrictEqual(crf, bytesOf({ objective: 'perceptron' }));
    assertRecognisesTestSentence(bytesOf({ objective: 'perceptron' }));
    assert.notDeepStrictEqual(crf, bytesOf({ objective: 'crf', crfCost: 0 }), 'softmax-margin changes the partition function');
    assertRecognisesTestSentence(crf);
    assertRecognisesTestSentence(bytesOf({ objective: 'crf', crfCost: 0, learningRate: 0.2 }));
    // maxWeights keeps the largest weights only; the perceptron keeps all.
    const all = readModel(bytesOf({ objective: 'crf', maxWeights: Infinity })).weights.pairs.length;
    const capped = readModel(bytesOf({ objective: 'crf', maxWeights: Math.floor(all / 2) })).weights.pairs.length;
    assert.ok(capped <= all / 2 && capped > all / 4, `${capped} of ${all}`);
    assert.deepStrictEqual(bytesOf({ objective: 'perceptron', maxWeights: 10 }), bytesOf({ objective: 'perceptron' }));
  });

  it('trains bagged perceptrons, each without its feature group, deterministically and summed into one model', () => {
    const lexicon = lexiconOf(['Oslo', 'Lima', 'North Korea']);
    const trained = (options: TrainingOptions): Uint8Array => modelBytes(lexicon, options);
    assert.deepStrictEqual(trained({ bags: [undefined, undefined, undefined] }), trained({ runs: 3 }), 'full bags are the plain ensemble');
    assert.deepStrictEqual(trained({ bags: DEFAULT_BAGS }), trained({}));
    assert.throws(() => trained({ bags: [undefined], runs: 2 }), /News Corpus: training takes `bags` or `runs`, not both/);
    const bagged = trained({ bags: [undefined, FeatureGroup.Lexical] });
    assert.deepStrictEqual(bagged, trained({ bags: [undefined, FeatureGroup.Lexical] }));
    assert.notDeepStrictEqual(bagged, trained({ runs: 2 }));
    assertRecognisesTestSentence(bagged);

    // A model of one perceptron without the words has no weight for any of their keys, and has the others'.
    const { weights } = readModel(trained({ bags: [FeatureGroup.Lexical] }));
    const text = TEST_SENTENCE;
    const context = new FeatureContext();
    const tokens = tokenize(text);
    context.prepare(text, tokens, lexicon);
    const keys = new Int32Array(MAX_FEATURES);
    const groups = new Uint8Array(MAX_FEATURES);
    const weighted = new Map<FeatureGroup, number>();
    for (let i = 0; i < tokens.count; i++) {
      const n = context.staticFeatures(i, keys, 0);
      context.staticFeatureGroups(i, true, groups, 0);
      for (let k = 0; k < n; k++) {
        const scores = new Int32Array(TAG_COUNT);
        weights.add(keys[k] ?? 0, scores);
        if (scores.some((score) => score !== 0)) weighted.set(groups[k] ?? FeatureGroup.Kept, (weighted.get(groups[k] ?? FeatureGroup.Kept) ?? 0) + 1);
      }
    }
    assert.strictEqual(weighted.get(FeatureGroup.Lexical), undefined);
    assert.ok((weighted.get(FeatureGroup.Orthographic) ?? 0) > 0 && (weighted.get(FeatureGroup.Distributional) ?? 0) > 0, JSON.stringify([...weighted]));
  });

  it('weighs type confusions apart by typeCost, deterministically, still learning what it learnt', () => {
    const lexicon = lexiconOf(['Oslo', 'Lima', 'North Korea']);
    // The perceptron's costs (the CRF scales them to `crfCost`).
    const bytesOf = (options: TrainingOptions): Uint8Array => modelBytes(lexicon, { objective: 'perceptron', ...options });
    assert.deepStrictEqual(bytesOf({ typeCost: DEFAULT_TYPE_COST }), bytesOf({}));
    const uniform = bytesOf({ typeCost: DEFAULT_COST });
    assert.notDeepStrictEqual(uniform, bytesOf({}), 'the default type cost must differ from the uniform cost');
    const weighted = bytesOf({ typeCost: 4 * DEFAULT_COST });
    assert.deepStrictEqual(weighted, bytesOf({ typeCost: 4 * DEFAULT_COST }));
    assert.notDeepStrictEqual(weighted, uniform, 'a costlier type confusion must move the weights differently');
    assert.notDeepStrictEqual(bytesOf({ cost: 0, typeCost: DEFAULT_COST }), bytesOf({ cost: 0, typeCost: 0 }), 'a type cost alone must still train with the margin');
    assertRecognisesTestSentence(weighted);
    // Where the gold has no name, no wrong tag is another type than the gold's: only `cost` can act there.
    const nameless = corpus().map((document) => ({ ...document, entities: [] }));
    const namelessBytes = (options: TrainingOptions): Uint8Array => modelBytes(lexicon, { objective: 'perceptron', ...options }, nameless);
    assert.deepStrictEqual(namelessBytes({ cost: 0, typeCost: 4 * DEFAULT_COST }), namelessBytes({ cost: 0, typeCost: 0 }));
    assert.notDeepStrictEqual(namelessBytes({ cost: DEFAULT_COST, typeCost: 0 }), namelessBytes({ cost: 0, typeCost: 0 }));
  });

  it('reads a model from unaligned bytes', () => {
    const lexicon = lexiconOf(['Oslo']);
    const bytes = writeModel({ weights: trainPerceptron(corpus().slice(0, 10), lexicon, { epochs: 1 }), ...lexicon });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const model = readModel(shifted.subarray(1));
    assert.strictEqual(model.weights.featureCount, readModel(bytes).weights.featureCount);
  });

  it('refuses a truncated, corrupt or foreign file with a "News Corpus:" error', () => {
    const lexicon = lexiconOf(['Oslo']);
    const bytes = writeModel({ weights: trainPerceptron(corpus().slice(0, 5), lexicon, { epochs: 1 }), ...lexicon });
    assert.throws(() => readModel(bytes.subarray(0, bytes.length - 4)), /^Error: News Corpus: the entity model file is corrupt/);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 99;
    assert.throws(() => readModel(wrongVersion), /^Error: News Corpus: the entity model has format 99/);
    assert.throws(() => readModel(new TextEncoder().encode('just some text, not a model at all, and longer than a header')), /^Error: News Corpus: this file is not an entity model/);
  });

  it('checks by the header alone every file readModel refuses, with its error, and passes the ones it reads', () => {
    const lexicon = lexiconOf(['Oslo']);
    const bytes = writeModel({ weights: trainPerceptron(corpus().slice(0, 5), lexicon, { epochs: 1 }), ...lexicon });
    const changedWord = (word: number, value: number): Uint8Array => {
      const changed = bytes.slice();
      new DataView(changed.buffer).setUint32(word * 4, value, true);
      return changed;
    };
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes, 1);
    const refusal = (read: () => unknown): string | undefined => {
      try {
        read();
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const files = {
      whole: bytes,
      unaligned: unaligned.subarray(1),
      'one word short': bytes.subarray(0, bytes.length - 4),
      'one word more': new Uint8Array([...bytes, 0, 0, 0, 0]),
      'shorter than a header': bytes.subarray(0, 20),
      text: new TextEncoder().encode('just some text, not a model at all, and longer than a header'),
      'another version': changedWord(1, 99),
      'another tag count': changedWord(2, 3),
      'a table not a power of two': changedWord(5, 3),
    };
    for (const [name, file] of Object.entries(files)) {
      const refused = refusal(() => readModel(file));
      assert.strictEqual(refusal(() => checkModelHeader(file)), refused, name);
      assert.strictEqual(refused === undefined, name === 'whole' || name === 'unaligned', name);
    }
  });

  it('matches gazetteer entries of several tokens, within a sentence only', () => {
    const gazetteer = gazetteerOf(['North Korea']);
    const context = new FeatureContext();
    const text = 'NORTH KOREA and North.\nKorea';
    const tokens = tokenize(text);
    context.prepare(text, tokens, { gazetteer });
    assert.ok((context.gazetteer[0] ?? 0) !== 0 && (context.gazetteer[1] ?? 0) !== 0);
    assert.strictEqual(context.gazetteer[3], 0);
    assert.strictEqual(context.gazetteer[5], 0);
  });

  it('turns gold spans into BILOU tags and back', () => {
    const text = 'Kim Jong-un met Putin in North Korea.';
    const tokens = tokenize(text);
    const gold = [
      { start: 0, end: 11, type: 'PER' as const },
      { start: 16, end: 21, type: 'PER' as const },
      { start: 25, end: 36, type: 'LOC' as const },
      { start: 1, end: 3, type: 'ORG' as const },
    ];
    const { tags, misaligned } = spansToTags(tokens, gold);
    assert.strictEqual(misaligned, 1);
    assert.deepStrictEqual(Array.from(tags), [tagOf(0, TagPart.Begin), tagOf(0, TagPart.Last), TAG_O, tagOf(0, TagPart.Unit), TAG_O, tagOf(1, TagPart.Begin), tagOf(1, TagPart.Last), TAG_O]);
    assert.deepStrictEqual(tagsToSpans(text, tokens, tags).map((span) => span.text), ['Kim Jong-un', 'Putin', 'North Korea']);
  });

  it('continues a name closed too early by a span of the same type after one space or a plural possessive', () => {
    const text = 'Frederick H. Collier met Anna, Boris in Washington D.C. Berlin Paris';
    const tokens = tokenize(text);
    const tags = Uint8Array.of(per(TagPart.Unit), per(TagPart.Begin), per(TagPart.Last), TAG_O, per(TagPart.Unit), TAG_O, per(TagPart.Unit), TAG_O, loc(TagPart.Unit), loc(TagPart.Unit), loc(TagPart.Unit), tagOf(3, TagPart.Unit));
    assert.strictEqual(tokens.count, tags.length);
    const spans = tagsToSpans(text, tokens, tags).map((span) => `${span.type} ${span.text}`);
    assert.deepStrictEqual(spans, ['PER Frederick H. Collier', 'PER Anna', 'PER Boris', 'LOC Washington D.C. Berlin', 'MISC Paris']);
    const party = 'the Workers’ Party, Putin’ Party';
    const partyTags = Uint8Array.of(TAG_O, org(TagPart.Unit), TAG_O, org(TagPart.Unit), TAG_O, org(TagPart.Unit), TAG_O, org(TagPart.Unit));
    assert.deepStrictEqual(
      tagsToSpans(party, tokenize(party), partyTags).map((span) => span.text),
      ['Workers’ Party', 'Putin', 'Party'],
    );
  });

  it('leaves an aside a bracket closes or opens out of a name, and keeps brackets that pair inside it', () => {
    const text = 'the (Capitol) Hill and (raider Irwin) Jacobs of Proleter (Z) and Acme (Zagreb';
    const tokens = tokenize(text);
    const words = Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
    const tags = new Uint8Array(tokens.count).fill(TAG_O);
    const tag = (from: string, to: string, rule: (part: TagPart) => number) => {
      const first = words.indexOf(from);
      const last = words.indexOf(to, first);
      for (let i = first; i <= last; i++) tags[i] = rule(i === first ? TagPart.Begin : i === last ? TagPart.Last : TagPart.Inside);
    };
    tag('Capitol', 'Hill', loc);
    tag('Irwin', 'Jacobs', per);
    tag('Proleter', ')', org);
    tags[words.indexOf('Acme')] = org(TagPart.Begin);
    tags[words.lastIndexOf('(')] = org(TagPart.Inside);
    tags[words.indexOf('Zagreb')] = org(TagPart.Last);
    assert.deepStrictEqual(tagsToSpans(text, tokens, tags).map((span) => `${span.type} ${span.text}`), ['LOC Hill', 'PER Jacobs', 'ORG Proleter (Z)', 'ORG Acme']);
  });

  it('keeps a name from running across a glued word\'s seam after a space, but not within one word ("RealClearPolitics")', () => {
    const name = [org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Inside), org(TagPart.Last), TAG_O];
    const glued = 'New York TimesPutin said';
    const oneWord = 'the RealClearPolitics average';
    assert.deepStrictEqual(tagsToSpans(glued, tokenize(glued), Uint8Array.from(name)).map((span) => span.text), ['New York Times', 'Putin']);
    const tags = Uint8Array.of(TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last), TAG_O);
    assert.strictEqual(tokenize(oneWord).count, tags.length, 'the tokenizer splits the word at both seams');
    assert.deepStrictEqual(tagsToSpans(oneWord, tokenize(oneWord), tags).map((span) => span.text), ['RealClearPolitics']);
  });

  it('allows only well-formed BILOU sequences', () => {
    assert.ok(isAllowed(TAG_START, tagOf(0, TagPart.Begin), false));
    assert.ok(!isAllowed(TAG_START, tagOf(0, TagPart.Begin), true), 'no B at the end of a sentence');
    assert.ok(!isAllowed(TAG_O, tagOf(0, TagPart.Inside), false));
    assert.ok(!isAllowed(tagOf(0, TagPart.Begin), tagOf(1, TagPart.Last), false));
    assert.ok(!isAllowed(tagOf(0, TagPart.Begin), tagOf(0, TagPart.Begin), false), 'a name is not cut in two');
    assert.ok(!isAllowed(tagOf(0, TagPart.Begin), TAG_O, false), 'an open name must close');
    assert.ok(!isAllowed(tagOf(0, TagPart.Inside), tagOf(0, TagPart.Inside), true), 'no I at the end of a sentence');
    assert.ok(isAllowed(tagOf(0, TagPart.Inside), tagOf(0, TagPart.Last), true));
    assert.ok(isAllowed(tagOf(0, TagPart.Last), tagOf(0, TagPart.Unit), false));
  });
});
