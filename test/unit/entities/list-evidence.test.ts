import * as assert from 'assert';
import { markListEvidence } from '../../../src/core/entities/document-evidence';
import { FeatureContext, MAX_FEATURES, listEvidenceCode } from '../../../src/core/entities/features';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';

const ORG = 2;
/** `documentType`'s values: 1 + type index, 5 outside. */
const ORG_EVIDENCE = ORG + 1;
const OUTSIDE = 5;

/**
 * The list evidence of every token of `text` when the first pass tagged the words in `units` as one-word names
 * of type `ORG` and everything else O, keyed by token text (the last token of a spelling wins).
 */
function evidenceOf(text: string, units: readonly string[]): Map<string, number> {
  const tokens = tokenize(text);
  const context = new FeatureContext();
  context.prepare(text, tokens, undefined);
  const tags = new Uint8Array(tokens.count).fill(TAG_O);
  const words: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    words.push(text.slice(tokens.starts[i], tokens.ends[i]));
    if (units.includes(words[i] ?? '')) tags[i] = tagOf(ORG, TagPart.Unit);
  }
  markListEvidence(context, tags);
  return new Map(words.map((word, i) => [word, context.listEvidence[i] ?? 0]));
}

describe('list evidence (markListEvidence)', () => {
  it('gives every token of a list item what the first pass made of the items either side', () => {
    const evidence = evidenceOf('He played with Footscray and North Melbourne in the VFL.', ['Footscray']);
    assert.strictEqual(evidence.get('North'), listEvidenceCode(ORG_EVIDENCE, 0));
    assert.strictEqual(evidence.get('Melbourne'), listEvidenceCode(ORG_EVIDENCE, 0));
    assert.strictEqual(evidence.get('Footscray'), listEvidenceCode(0, OUTSIDE));
    assert.strictEqual(evidence.get('VFL'), 0);
  });

  it('reads both sides of an item in the middle of a list, with commas, slashes and "&"', () => {
    const evidence = evidenceOf('Bands such as Orgy, Velvet Revolver / Pearl & Linkin Park played.', ['Orgy', 'Pearl']);
    assert.strictEqual(evidence.get('Velvet'), listEvidenceCode(ORG_EVIDENCE, ORG_EVIDENCE));
    assert.strictEqual(evidence.get('Pearl'), listEvidenceCode(OUTSIDE, OUTSIDE));
    assert.strictEqual(evidence.get('Linkin'), listEvidenceCode(ORG_EVIDENCE, 0));
  });

  it('needs a capitalised item on the other side of the separator, in the same sentence', () => {
    assert.strictEqual(evidenceOf('Apples and Pears are sold here.', ['Pears']).get('Apples'), listEvidenceCode(0, ORG_EVIDENCE));
    assert.strictEqual(evidenceOf('He sold apples and Pears here.', ['apples']).get('Pears'), 0);
    assert.strictEqual(evidenceOf('He joined Footscray.\nAnd Coburg won.', ['Footscray']).get('Coburg'), 0);
  });

  it('is a second-pass feature: no key without evidence, one per side with it', () => {
    const text = 'Footscray and Coburg';
    const tokens = tokenize(text);
    const context = new FeatureContext();
    context.prepare(text, tokens, undefined);
    const keys = new Int32Array(MAX_FEATURES);
    assert.strictEqual(context.documentFeatures(2, keys, 0), 0);
    context.listEvidence[2] = listEvidenceCode(ORG_EVIDENCE, 0);
    assert.strictEqual(context.documentFeatures(2, keys, 0), 1);
    context.listEvidence[2] = listEvidenceCode(ORG_EVIDENCE, OUTSIDE);
    assert.strictEqual(context.documentFeatures(2, keys, 0), 2);
  });
});
