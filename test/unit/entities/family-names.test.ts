import * as assert from 'assert';
import { retypeFamilyNames } from '../../../src/core/entities/family-names';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { applyRule, loc, org, per } from './tag-rules';

const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

describe('a family name read as a place or an organization', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(retypeFamilyNames, text, tags);

  it('becomes a person when the document names that person in full, before or after it', () => {
    assert.deepStrictEqual(
      run('Angela Merkel arrived . Merkel said no .', [per(B), per(L), TAG_O, TAG_O, org(U), TAG_O, TAG_O, TAG_O]),
      [per(B), per(L), TAG_O, TAG_O, per(U), TAG_O, TAG_O, TAG_O],
    );
    assert.deepStrictEqual(
      run('Kinsey spoke first . Then Alfred Charles Kinsey left', [loc(U), TAG_O, TAG_O, TAG_O, TAG_O, per(B), per(I), per(L), TAG_O]),
      [per(U), TAG_O, TAG_O, TAG_O, TAG_O, per(B), per(I), per(L), TAG_O],
    );
  });

  it('leaves a place before a comma and a capitalised word, as "Springfield, Illinois" is written', () => {
    const tags = [per(B), per(L), TAG_O, loc(U), TAG_O, loc(U)];
    assert.deepStrictEqual(run('John Springfield visited Springfield , Illinois', tags), tags);
    assert.deepStrictEqual(run('John Springfield visited Springfield , then', [per(B), per(L), TAG_O, loc(U), TAG_O, TAG_O]), [per(B), per(L), TAG_O, per(U), TAG_O, TAG_O]);
  });

  it('becomes a person when the decoder left it outside any name, between two words outside any name', () => {
    assert.deepStrictEqual(
      run('Doris Day sang . Day said no', [per(B), per(L), TAG_O, TAG_O, TAG_O, TAG_O, TAG_O]),
      [per(B), per(L), TAG_O, TAG_O, per(U), TAG_O, TAG_O],
    );
    assert.deepStrictEqual(run('Angela Merkel left . Merkel', [per(B), per(L), TAG_O, TAG_O, TAG_O]), [per(B), per(L), TAG_O, TAG_O, per(U)]);
  });

  it('reads no tag past the last token: the decoder hands over a buffer longer than the text, holding an earlier text\'s tags', () => {
    const text = 'Angela Merkel left . Merkel';
    const tokens = tokenize(text);
    const tags = Uint8Array.from([per(B), per(L), TAG_O, TAG_O, TAG_O, org(B)]);
    retypeFamilyNames(text, tokens, tags);
    assert.deepStrictEqual([...tags.subarray(0, tokens.count)], [per(B), per(L), TAG_O, TAG_O, per(U)]);
  });

  it('stays outside any name when the document also writes it another way, or when a name touches it', () => {
    const unchanged: [string, number[]][] = [
      ['Theresa May spoke . May you , she may', [per(B), per(L), TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O]],
      ['Doris Day sang . DAY ONE : Day 2', [per(B), per(L), TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O]],
      ['Doris Day sang . Day Paris', [per(B), per(L), TAG_O, TAG_O, TAG_O, loc(U)]],
      ['Doris Day sang . DAY said', [per(B), per(L), TAG_O, TAG_O, TAG_O, TAG_O]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });

  it('leaves names of several words, other spellings and persons named by one word alone', () => {
    const unchanged: [string, number[]][] = [
      ['George Washington crossed to Washington State', [per(B), per(L), TAG_O, TAG_O, loc(B), loc(L)]],
      ['Angela Merkel met MERKEL', [per(B), per(L), TAG_O, org(U)]],
      ['Merkel met Merkel', [per(U), TAG_O, org(U)]],
      ['the Merkel Group sold Merkel', [TAG_O, org(B), org(L), TAG_O, org(U)]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });
});
