import * as assert from 'assert';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { joinWashingtonDC } from '../../../src/core/entities/washington-dc';
import { applyRule, loc, org, per } from './tag-rules';

const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

describe('Washington, D.C.', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(joinWashingtonDC, text, tags);

  it('is one place however the decoder split or typed it', () => {
    assert.deepStrictEqual(run('in Washington , D.C. today', [TAG_O, loc(U), TAG_O, per(U), TAG_O]), [TAG_O, loc(B), loc(I), loc(L), TAG_O]);
    assert.deepStrictEqual(run('in Washington , DC today', [TAG_O, loc(U), TAG_O, org(U), TAG_O]), [TAG_O, loc(B), loc(I), loc(L), TAG_O]);
    assert.deepStrictEqual(run('in Washington D.C. today', [TAG_O, org(B), org(L), TAG_O]), [TAG_O, loc(B), loc(L), TAG_O]);
    assert.deepStrictEqual(run('He flew to Washington , D.C.', [TAG_O, TAG_O, TAG_O, loc(U), TAG_O, TAG_O, TAG_O]), [TAG_O, TAG_O, TAG_O, loc(B), loc(I), loc(L), TAG_O]);
  });

  it('keeps what follows the district as the name it was, cut at its next capitalised word', () => {
    assert.deepStrictEqual(
      run('Washington , DC United Stadium', [loc(U), TAG_O, org(B), org(I), org(L)]),
      [loc(B), loc(I), loc(L), org(B), org(L)],
    );
  });

  it('makes a lone "D.C." a place, and leaves a lone "DC" (DC Comics) as it was', () => {
    assert.deepStrictEqual(run('back in D.C. on Monday', [TAG_O, TAG_O, per(U), TAG_O, TAG_O]), [TAG_O, TAG_O, loc(U), TAG_O, TAG_O]);
    assert.deepStrictEqual(run('back in DC on Monday', [TAG_O, TAG_O, org(U), TAG_O, TAG_O]), [TAG_O, TAG_O, org(U), TAG_O, TAG_O]);
  });

  it('leaves a longer name ending in Washington, and Washington without the district', () => {
    const unchanged: [string, number[]][] = [
      ['Denzel Washington , DC', [per(B), per(L), TAG_O, org(U)]],
      ['Washington , Oregon', [loc(U), TAG_O, loc(U)]],
      ['Washington Post', [org(B), org(L)]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });
});
