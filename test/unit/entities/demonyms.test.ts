import * as assert from 'assert';
import { retypeDemonyms } from '../../../src/core/entities/demonyms';
import { FeatureContext } from '../../../src/core/entities/features';
import { DEMONYM_CATEGORY, Gazetteer } from '../../../src/core/entities/gazetteer';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';

describe('nationalities retyped as MISC', () => {
  it('retypes a span that is exactly a nationality, and leaves a longer or shorter one alone', () => {
    const context = new FeatureContext();
    const entries = ['North Koreans', 'Americans'].map((name) => {
      const tokens = tokenize(name);
      context.prepare(name, tokens, undefined);
      return { tokens: Array.from(context.low.subarray(0, tokens.count)), category: DEMONYM_CATEGORY };
    });
    const text = 'the North Koreans and Americans met North Koreans United';
    const tokens = tokenize(text);
    context.prepare(text, tokens, Gazetteer.build(entries));
    const org = (part: TagPart): number => tagOf(2, part);
    const misc = (part: TagPart): number => tagOf(3, part);
    const tags = Uint8Array.of(TAG_O, org(TagPart.Begin), org(TagPart.Last), TAG_O, tagOf(0, TagPart.Unit), TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last));
    retypeDemonyms(context.gazetteer, tags, tokens.count);
    assert.deepStrictEqual(
      [...tags],
      [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O, misc(TagPart.Unit), TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last)],
    );
  });
});
