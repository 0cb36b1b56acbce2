import * as assert from 'assert';
import { joinPluralPossessives } from '../../../src/core/entities/plural-possessives';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { applyRule, loc, misc, org, per } from './tag-rules';

describe('a capitalised plural possessive before an organization or MISC name', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(joinPluralPossessives, text, tags);

  it('begins the name that follows it, with a curly or a straight apostrophe', () => {
    assert.deepStrictEqual(
      run('the Workers’ Party Central Committee', [TAG_O, TAG_O, TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last)]),
      [TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Inside), org(TagPart.Inside), org(TagPart.Last)],
    );
    assert.deepStrictEqual(run("Ratepayers' Association", [TAG_O, TAG_O, org(TagPart.Unit)]), [org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last)]);
    assert.deepStrictEqual(run("the Winners' Cup", [TAG_O, TAG_O, TAG_O, misc(TagPart.Unit)]), [TAG_O, misc(TagPart.Begin), misc(TagPart.Inside), misc(TagPart.Last)]);
  });

  it('leaves persons and places, lower-case or singular words, a separate apostrophe and tagged words alone', () => {
    const unchanged: [string, number[]][] = [
      ["Extremists' Iraq", [TAG_O, TAG_O, loc(TagPart.Unit)]],
      ["the Smiths' Anna", [TAG_O, TAG_O, TAG_O, per(TagPart.Unit)]],
      ["the workers' Party", [TAG_O, TAG_O, TAG_O, org(TagPart.Unit)]],
      ["Putin's Kremlin", [per(TagPart.Unit), TAG_O, org(TagPart.Unit)]],
      ["Workers ' Party", [TAG_O, TAG_O, org(TagPart.Unit)]],
      ["Workers' Party", [org(TagPart.Unit), TAG_O, org(TagPart.Unit)]],
      ["Workers' Party Committee", [TAG_O, TAG_O, TAG_O, org(TagPart.Unit)]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });
});
