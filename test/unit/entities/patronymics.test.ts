import * as assert from 'assert';
import { extractArticleEntities } from '../../../src/core/entities/article-entities';
import { particleFamilyName } from '../../../src/core/entities/names';
import { joinPatronymics } from '../../../src/core/entities/patronymics';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { recognizer } from './fixtures';
import { applyRule, loc, org, per } from './tag-rules';

const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

describe('patronymics ("bin", "ibn")', () => {
  // No gazetteer marks: the places are the shipped model's test below.
  const run = (text: string, tags: number[]): number[] => applyRule((at, tokens, array) => joinPatronymics(at, tokens, array, new Uint32Array(tokens.count)), text, tags);

  it('makes one person of the names before and after the particle, whatever type the first was read as', () => {
    assert.deepStrictEqual(run('Mohammed bin Salman spoke', [per(U), TAG_O, per(U), TAG_O]), [per(B), per(I), per(L), TAG_O]);
    assert.deepStrictEqual(run('Usama bin Laden hid', [loc(U), TAG_O, per(U), TAG_O]), [per(B), per(I), per(L), TAG_O]);
    assert.deepStrictEqual(run('Hamad bin Isa Al Khalifa', [per(U), TAG_O, per(B), per(I), per(L)]), [per(B), per(I), per(I), per(I), per(L)]);
  });

  it('closes the name before when the decoder took the particle into it, joined or not', () => {
    assert.deepStrictEqual(run('Mohammed bin Salman spoke', [per(B), per(L), per(U), TAG_O]), [per(B), per(I), per(L), TAG_O]);
    // A place of two words is no part of the person: it ends before the particle again.
    assert.deepStrictEqual(run('New York bin Laden hid', [loc(B), loc(I), loc(L), per(U), TAG_O]), [loc(B), loc(L), per(B), per(L), TAG_O]);
  });

  it('joins nothing across a paragraph break', () => {
    assert.deepStrictEqual(run('Yemen\n\nbin Laden hid', [loc(U), TAG_O, per(U), TAG_O]), [loc(U), per(B), per(L), TAG_O]);
    assert.deepStrictEqual(run('Ahmed bin\n\nLaden hid', [per(U), TAG_O, per(U), TAG_O]), [per(U), TAG_O, per(U), TAG_O]);
  });

  it('makes one name of a chain of particles', () => {
    assert.deepStrictEqual(run('Hamad bin Isa bin Salman', [per(U), TAG_O, per(U), TAG_O, per(U)]), [per(B), per(I), per(I), per(I), per(L)]);
  });

  it('takes the particle into the father\'s name alone, also capitalised at a sentence\'s start', () => {
    assert.deepStrictEqual(run('they killed bin Laden', [TAG_O, TAG_O, TAG_O, per(U)]), [TAG_O, TAG_O, per(B), per(L)]);
    assert.deepStrictEqual(run('Bin Laden was', [TAG_O, per(U), TAG_O]), [per(B), per(L), TAG_O]);
  });

  it('leaves what is no such name', () => {
    const unchanged: [string, number[]][] = [
      // Nothing read after the particle, or not a capitalised word.
      ['the bin Monday', [TAG_O, TAG_O, TAG_O]],
      ['Ahmed bin said', [per(U), TAG_O, TAG_O]],
      // The particle already inside a name the decoder read.
      ['Ibn Saud ruled', [per(B), per(L), TAG_O]],
      ['Osama bin Laden', [per(B), per(I), per(L)]],
      // An organization of several words after the particle.
      ['the bin Laden Group', [TAG_O, TAG_O, org(B), org(L)]],
      // The English noun after a determiner.
      ['in the bin Smith said', [TAG_O, TAG_O, TAG_O, per(U), TAG_O]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });

  it('reads such names with the shipped model, one person each, "bin Laden" merged into the full name', () => {
    const text = 'Usama bin Laden was killed in 2011. Saudi Arabia\'s ruler Mohammed bin Salman met Sheikh Tamim bin Hamad Al Thani. Bin Laden had hidden for years.';
    const spans = recognizer().recognize(text).filter((span) => span.type === 'PER').map((span) => span.text);
    for (const name of ['Usama bin Laden', 'Mohammed bin Salman', 'Bin Laden']) assert.ok(spans.includes(name), `${name} in ${JSON.stringify(spans)}`);
    assert.ok(spans.some((name) => name.endsWith('Tamim bin Hamad Al Thani')), JSON.stringify(spans));
    const laden = extractArticleEntities(recognizer(), text).find((entity) => entity.name === 'Usama bin Laden');
    assert.strictEqual(laden?.mentions.length, 2);
  });

  it('takes no place or nationality into the person with the shipped model (review35)', () => {
    const text = 'The Saudi bin Laden family was rich. In Pakistan bin Laden hid for years.\n\nBin Laden was killed in 2011.';
    const names = recognizer().recognize(text).map((span) => span.text);
    for (const name of names) assert.doesNotMatch(name, /Saudi bin|Pakistan bin|\n/, JSON.stringify(names));
    assert.ok(names.includes('Bin Laden'), JSON.stringify(names));
  });

  it('finds the family name of a name of particles', () => {
    assert.strictEqual(particleFamilyName(['bin', 'laden']), 'laden');
    assert.strictEqual(particleFamilyName(['van', 'der', 'sar']), 'sar');
    assert.strictEqual(particleFamilyName(['laden']), undefined);
    assert.strictEqual(particleFamilyName(['osama', 'bin', 'laden']), undefined);
  });
});
