import * as assert from 'assert';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { retypeStormNames } from '../../../src/core/entities/storm-names';
import { recognizer } from './fixtures';
import { applyRule, loc, misc, org, per } from './tag-rules';

const [B, L, U] = [TagPart.Begin, TagPart.Last, TagPart.Unit];

describe('storm names', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(retypeStormNames, text, tags);

  it('makes a person after a storm word a storm, and every other mention of that name in the document', () => {
    assert.deepStrictEqual(
      run('Hurricane Dorian hit . Dorian moved', [TAG_O, per(U), TAG_O, TAG_O, per(U), TAG_O]),
      [TAG_O, misc(U), TAG_O, TAG_O, misc(U), TAG_O],
    );
    assert.deepStrictEqual(run('Tropical Storm Barry', [TAG_O, TAG_O, per(U)]), [TAG_O, TAG_O, misc(U)]);
    assert.deepStrictEqual(run('Storm Ciara', [TAG_O, per(U)]), [TAG_O, misc(U)]);
    assert.deepStrictEqual(run('Cyclone Idai', [TAG_O, per(U)]), [TAG_O, misc(U)]);
  });

  it('leaves the storm word out of a name the decoder read as one person', () => {
    assert.deepStrictEqual(run('Typhoon Phanfone struck', [per(B), per(L), TAG_O]), [TAG_O, misc(U), TAG_O]);
    assert.deepStrictEqual(run('Tropical Storm Humberto formed', [TAG_O, per(B), per(L), TAG_O]), [TAG_O, TAG_O, misc(U), TAG_O]);
    assert.deepStrictEqual(run('Tropical Storm Humberto formed', [per(B), per(TagPart.Inside), per(L), TAG_O]), [TAG_O, TAG_O, misc(U), TAG_O]);
  });

  it('leaves people, places and organizations that are not storms', () => {
    const unchanged: [string, number[]][] = [
      ['Storm Reid acted', [per(B), per(L), TAG_O]],
      ['Hurricane Ridge is', [loc(B), loc(L), TAG_O]],
      ['the National Hurricane Center', [TAG_O, org(B), org(TagPart.Inside), org(L)]],
      ['Hurricane Zeta', [TAG_O, org(U)]],
      ['Great Depression Smith', [TAG_O, TAG_O, per(U)]],
      ['Dorian Gray met Dorian', [per(B), per(L), TAG_O, per(U)]],
      ['the storm Dorian', [TAG_O, TAG_O, per(U)]],
      // The storm word is part of another name: the person after it is no storm.
      ['Hurricane Carter', [loc(U), per(U)]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });

  it('keeps the storms of a news text out of the shipped model\'s people', () => {
    const text = 'Hurricane Dorian struck the Bahamas on Sunday. Dorian then moved north towards Florida, where Governor Ron DeSantis declared an emergency.';
    const spans = recognizer().recognize(text);
    assert.deepStrictEqual(spans.filter((span) => span.text.includes('Dorian')).map((span) => span.type), ['MISC', 'MISC']);
    assert.ok(spans.some((span) => span.text === 'Ron DeSantis' && span.type === 'PER'), JSON.stringify(spans));
  });
});
