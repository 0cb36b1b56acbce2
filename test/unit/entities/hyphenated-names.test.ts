import * as assert from 'assert';
import { joinHyphenatedNames } from '../../../src/core/entities/hyphenated-names';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { applyRule, misc, org, per } from './tag-rules';

describe('East Asian names with a hyphenated given name', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(joinHyphenatedNames, text, tags);

  it('makes a person of a family name the decoder left out and a given name it read as MISC', () => {
    assert.deepStrictEqual(run('councillor Wu Chi-wai won', [TAG_O, TAG_O, misc(TagPart.Unit), TAG_O]), [TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O]);
    assert.deepStrictEqual(run('Lam Cheuk-ting won', [per(TagPart.Unit), TAG_O, TAG_O]), [per(TagPart.Begin), per(TagPart.Last), TAG_O]);
  });

  it('joins the issue\'s "Kim" + "Jong-un" when the decoder tags them as two persons', () => {
    assert.deepStrictEqual(
      run('Vladimir Putin met Kim Jong-un in Moscow .', [per(TagPart.Begin), per(TagPart.Last), TAG_O, per(TagPart.Unit), per(TagPart.Unit), TAG_O, tagOf(1, TagPart.Unit), TAG_O]),
      [per(TagPart.Begin), per(TagPart.Last), TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O, tagOf(1, TagPart.Unit), TAG_O],
    );
  });

  it('cuts the organization a given name ran into, which keeps its type from its next capitalised word', () => {
    const text = "camp's Cheng Chung-tai of Civic Passion , and";
    const tags = [TAG_O, TAG_O, TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Inside), org(TagPart.Last), TAG_O, TAG_O];
    assert.deepStrictEqual(run(text, tags), [TAG_O, TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O, org(TagPart.Begin), org(TagPart.Last), TAG_O, TAG_O]);
  });

  it('ends a name that ran into the family name before it', () => {
    assert.deepStrictEqual(run('Youngspiration Yau Wai-ching', [org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last)]), [org(TagPart.Unit), per(TagPart.Begin), per(TagPart.Last)]);
  });

  it('leaves a person already found, words the decoder found nothing on, and English compounds as they are', () => {
    assert.deepStrictEqual(run('leader Kim Jong-un said', [TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O]), [TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O]);
    assert.deepStrictEqual(run('Chairman Moon Jae-in spoke', [per(TagPart.Begin), per(TagPart.Inside), per(TagPart.Last), TAG_O]), [per(TagPart.Begin), per(TagPart.Inside), per(TagPart.Last), TAG_O]);
    assert.deepStrictEqual(run('The Long-run effects', [TAG_O, TAG_O, TAG_O]), [TAG_O, TAG_O, TAG_O]);
    assert.deepStrictEqual(run('a New York-based firm', [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O]), [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O]);
    assert.deepStrictEqual(run('a Hong Kong-based firm', [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O]), [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O]);
  });
});
