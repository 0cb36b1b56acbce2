import * as assert from 'assert';
import * as fc from 'fast-check';
import { joinNationalities, retypeDemonyms, splitNationalities } from '../../../src/core/entities/demonyms';
import { FeatureContext } from '../../../src/core/entities/features';
import { DEMONYM_CATEGORY, Gazetteer, coversExactly } from '../../../src/core/entities/gazetteer';
import { ENTITY_TYPES, TAG_O, TAG_START, TagPart, isAllowed, partOf, tagOf, typeIndexOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { WordClusters, packClusters } from '../../../src/core/entities/word-clusters';
import { loc, misc, org, per } from './tag-rules';

const MISC_TYPE = ENTITY_TYPES.indexOf('MISC');
/** Any category but the nationalities' (the gazetteer script's countries). */
const COUNTRY_CATEGORY = 0;

/** The lower-case hashes of `words`' tokens, as the gazetteer and the clusters key them. */
function hashesOf(words: string): number[] {
  const context = new FeatureContext();
  const tokens = tokenize(words);
  context.prepare(words, tokens);
  return Array.from(context.low.subarray(0, tokens.count));
}

/** Nationalities, and one country whose name begins with one. */
const NATIONALITIES = Gazetteer.build([
  ...['North Koreans', 'Americans', 'North Korean', 'Russian', 'Malaysian', 'American', 'German', 'Italian'].map((name) => ({ tokens: hashesOf(name), category: DEMONYM_CATEGORY })),
  { tokens: hashesOf('American Samoa'), category: COUNTRY_CATEGORY },
]);
/** The words with a pre-trained vector: common English words, and one frequent proper name. */
const COMMON_WORDS = WordClusters.build(new Map(['airlines', 'space', 'center', 'party', 'bundestag'].map((word) => [hashesOf(word)[0] ?? 0, packClusters([0, 0, 0])])));

describe('nationalities retyped as MISC', () => {
  it('retypes a span that is exactly a nationality, and leaves a longer or shorter one alone', () => {
    const context = new FeatureContext();
    const text = 'the North Koreans and Americans met North Koreans United';
    const tokens = tokenize(text);
    context.prepare(text, tokens, { gazetteer: NATIONALITIES });
    const tags = Uint8Array.of(TAG_O, org(TagPart.Begin), org(TagPart.Last), TAG_O, per(TagPart.Unit), TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last));
    retypeDemonyms(context.gazetteer, tags, tokens.count);
    assert.deepStrictEqual(
      [...tags],
      [TAG_O, misc(TagPart.Begin), misc(TagPart.Last), TAG_O, misc(TagPart.Unit), TAG_O, org(TagPart.Begin), org(TagPart.Inside), org(TagPart.Last)],
    );
  });
});

/** The tags `rule` leaves on `text`, given the decoder's `tags`. */
function applyRule(rule: typeof splitNationalities, text: string, tags: readonly number[]): number[] {
  const context = new FeatureContext();
  const tokens = tokenize(text);
  assert.strictEqual(tokens.count, tags.length, 'one tag per token');
  context.prepare(text, tokens, { gazetteer: NATIONALITIES, embeddings: COMMON_WORDS });
  const array = Uint8Array.from(tags);
  rule(text, context, tokens, array);
  return [...array];
}
const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

describe('a nationality split off a name that stands alone', () => {
  const split = (text: string, tags: readonly number[]): number[] => applyRule(splitNationalities, text, tags);

  it('splits "Russian" off "Vostochny Space Center" (a rare word never written in lower case)', () => {
    assert.deepStrictEqual(split('at the Russian Vostochny Space Center', [TAG_O, TAG_O, loc(B), loc(I), loc(I), loc(L)]), [TAG_O, TAG_O, misc(U), loc(B), loc(I), loc(L)]);
    assert.deepStrictEqual(split('the Russian Vostochny', [TAG_O, org(B), org(L)]), [TAG_O, misc(U), org(U)]);
  });

  it('keeps "Malaysian Airlines" whole: "Airlines" is a common word', () => {
    assert.deepStrictEqual(split('Malaysian Airlines flew', [org(B), org(L), TAG_O]), [org(B), org(L), TAG_O]);
  });

  it('keeps a frequent proper name with its nationality, as the decoder read it', () => {
    assert.deepStrictEqual(split('the German Bundestag', [TAG_O, org(B), org(L)]), [TAG_O, org(B), org(L)]);
  });

  it('keeps the name whole when the document writes the next word in lower case', () => {
    assert.deepStrictEqual(split('Russian Zorbas won the zorbas prize', [org(B), org(L), TAG_O, TAG_O, TAG_O, TAG_O]), [org(B), org(L), TAG_O, TAG_O, TAG_O, TAG_O]);
  });

  it('keeps the name whole on an all-caps line, where case says nothing', () => {
    assert.deepStrictEqual(split('RUSSIAN ZORBAS WINS\nThe rest.', [org(B), org(L), TAG_O, TAG_O, TAG_O, TAG_O]), [org(B), org(L), TAG_O, TAG_O, TAG_O, TAG_O]);
    assert.deepStrictEqual(split('Russian Zorbas wins', [org(B), org(L), TAG_O]), [misc(U), org(U), TAG_O]);
  });

  it('keeps a name the gazetteer knows whole with its nationality', () => {
    assert.deepStrictEqual(split('in American Samoa today', [TAG_O, loc(B), loc(L), TAG_O]), [TAG_O, loc(B), loc(L), TAG_O]);
  });

  it('keeps a run-together word whole', () => {
    assert.deepStrictEqual(split('the RussianZorbas', [TAG_O, org(B), org(L)]), [TAG_O, org(B), org(L)]);
  });

  it('splits a nationality off a person whose name goes on for two words, even from a common first word', () => {
    assert.deepStrictEqual(split('American Space Smith', [per(B), per(I), per(L)]), [misc(U), per(B), per(L)]);
  });

  it('splits a nationality off a one-word person only on evidence that the word is a name of its own', () => {
    // A rare word never written in lower case: a surname.
    assert.deepStrictEqual(split('American Zorbas won', [per(B), per(L), TAG_O]), [misc(U), per(U), TAG_O]);
    // A common word with nothing else: the nationality may be a first name ("German Villa").
    assert.deepStrictEqual(split('German Space won', [per(B), per(L), TAG_O]), [per(B), per(L), TAG_O]);
    // The document writes the word after another capitalised word: "Mike Tyson" … "American Tyson".
    assert.deepStrictEqual(split('Mike Space lost . American Space won', [TAG_O, TAG_O, TAG_O, TAG_O, per(B), per(L), TAG_O]), [TAG_O, TAG_O, TAG_O, TAG_O, misc(U), per(U), TAG_O]);
    // A nationality before the word elsewhere is no such evidence.
    assert.deepStrictEqual(split('Russian Space lost . American Space won', [TAG_O, TAG_O, TAG_O, TAG_O, per(B), per(L), TAG_O]), [TAG_O, TAG_O, TAG_O, TAG_O, per(B), per(L), TAG_O]);
  });

  it('keeps a nationality before a rare adjective whole: "German Entomological Institute"', () => {
    assert.deepStrictEqual(split('the German Entomological Institute', [TAG_O, org(B), org(I), org(L)]), [TAG_O, org(B), org(I), org(L)]);
    assert.deepStrictEqual(split('the German Zorbas Institute', [TAG_O, org(B), org(I), org(L)]), [TAG_O, misc(U), org(B), org(L)]);
  });

  it('splits a nationality of two words as one MISC', () => {
    assert.deepStrictEqual(split('the North Korean Zorbas Party', [TAG_O, org(B), org(I), org(I), org(L)]), [TAG_O, misc(B), misc(L), org(B), org(L)]);
  });

  it('leaves a lone nationality, a nationality alone in its span and a name without one alone', () => {
    assert.deepStrictEqual(split('the Russian said', [TAG_O, misc(U), TAG_O]), [TAG_O, misc(U), TAG_O]);
    assert.deepStrictEqual(split('the Russian Zorbas', [TAG_O, misc(U), org(U)]), [TAG_O, misc(U), org(U)]);
    assert.deepStrictEqual(split('Zorbas Vostochny Center', [loc(B), loc(I), loc(L)]), [loc(B), loc(I), loc(L)]);
    assert.deepStrictEqual(split('the Russian', [TAG_O, TAG_O]), [TAG_O, TAG_O]);
  });
});

describe('a nationality joined to the name of ordinary words after it', () => {
  const join = (text: string, tags: readonly number[]): number[] => applyRule(joinNationalities, text, tags);

  it('joins "Italian" to "Episcopal Conference" (an adjective) and "Malaysian" to "Airlines" (a common word)', () => {
    assert.deepStrictEqual(join('the Italian Episcopal Conference said', [TAG_O, misc(U), org(B), org(L), TAG_O]), [TAG_O, org(B), org(I), org(L), TAG_O]);
    assert.deepStrictEqual(join('Malaysian Airlines flew', [misc(U), org(U), TAG_O]), [org(B), org(L), TAG_O]);
    assert.deepStrictEqual(join('the North Korean Space Center', [TAG_O, misc(B), misc(L), loc(B), loc(L)]), [TAG_O, loc(B), loc(I), loc(I), loc(L)]);
    // The document writes the word in lower case.
    assert.deepStrictEqual(join('the Russian Zorbas and a zorbas', [TAG_O, misc(U), org(U), TAG_O, TAG_O, TAG_O]), [TAG_O, org(B), org(L), TAG_O, TAG_O, TAG_O]);
  });

  it('leaves a name of its own, a person, an acronym, a glued word, a new line and a non-nationality apart', () => {
    const apart: [string, number[]][] = [
      ['the Russian Zorbas', [TAG_O, misc(U), org(U)]],
      ['American Space Smith', [misc(U), per(B), per(L)]],
      ['the Russian SPACE', [TAG_O, misc(U), org(U)]],
      ['the RussianSpace', [TAG_O, misc(U), org(U)]],
      ['the Russian\nSpace', [TAG_O, misc(U), org(U)]],
      ['RUSSIAN SPACE\nThe rest', [misc(U), org(U), TAG_O, TAG_O]],
      ['the Olympic Space', [TAG_O, misc(U), org(U)]],
      ['the Russian Space Airlines', [TAG_O, misc(U), misc(B), misc(L)]],
    ];
    for (const [text, tags] of apart) assert.deepStrictEqual(join(text, tags), tags, text);
  });
});

describe('splitNationalities and joinNationalities on any tagging of any words (property)', () => {
  /** Words that exercise every branch: nationalities of one and two words, a country that begins with one, rare and common words, lower case, a glued pair. */
  const WORDS = ['North', 'Korean', 'Russian', 'American', 'Samoa', 'Malaysian', 'Zorbas', 'Vostochny', 'Airlines', 'Space', 'Bundestag', 'Entomological', 'Mike', 'zorbas', 'the', 'RussianZorbas', ',', 'RUSSIAN', 'ZORBAS', '\n'];
  const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 });

  /** The entity spans of well-formed `tags`. */
  function spansOf(tags: readonly number[]): { start: number; end: number; type: number }[] {
    const spans: { start: number; end: number; type: number }[] = [];
    let start = -1;
    tags.forEach((tag, i) => {
      if (tag === TAG_O) return;
      if (partOf(tag) === TagPart.Begin || partOf(tag) === TagPart.Unit) start = i;
      if (partOf(tag) === TagPart.Last || partOf(tag) === TagPart.Unit) spans.push({ start, end: i, type: typeIndexOf(tag) });
    });
    return spans;
  }

  /** Every span `joinNationalities` changed is a gazetteer nationality (MISC) and the LOC or ORG right after it, joined; the tags stay well formed. */
  function assertJoins(marks: Uint32Array, before: readonly number[], after: readonly number[], text: string): void {
    assertWellFormed(after);
    const old = spansOf(before);
    for (const span of spansOf(after).filter((candidate) => !old.some((o) => o.start === candidate.start && o.end === candidate.end && o.type === candidate.type))) {
      const nationality = old.find((o) => o.start === span.start);
      const name = old.find((o) => o.end === span.end);
      assert.ok(nationality !== undefined && name !== undefined, `${JSON.stringify(span)} joins old spans: ${text}`);
      assert.strictEqual(nationality.type, MISC_TYPE, text);
      assert.ok(coversExactly(marks, DEMONYM_CATEGORY, nationality.start, nationality.end), text);
      assert.deepStrictEqual([name.start, name.type], [nationality.end + 1, span.type], text);
      assert.ok(span.type === ENTITY_TYPES.indexOf('LOC') || span.type === ENTITY_TYPES.indexOf('ORG'), text);
    }
  }

  /** `tags` are well-formed BILOU: no span opened twice or left open. */
  function assertWellFormed(tags: readonly number[]): void {
    let previous = TAG_START;
    for (const tag of tags) {
      assert.ok(isAllowed(previous, tag, false), `${previous} then ${tag} in ${tags.join(' ')}`);
      previous = tag;
    }
    assert.ok(previous === TAG_START || previous === TAG_O || partOf(previous) >= TagPart.Last, 'no span left open');
  }

  it('leaves well-formed BILOU tags on the same tokens, cuts a span only after a gazetteer nationality and joins one only to the name after it', () => {
    fc.assert(
      fc.property(words, fc.array(fc.nat()), (chosen, seeds) => {
        const text = chosen.join(' ');
        const tokens = tokenize(text);
        const context = new FeatureContext();
        context.prepare(text, tokens, { gazetteer: NATIONALITIES, embeddings: COMMON_WORDS });
        // Well-formed tags: spans of random length and type, at random places.
        const tags: number[] = [];
        for (let i = 0, s = 0; i < tokens.count; s++) {
          const seed = seeds[s] ?? 0;
          const length = Math.min(seed % 5, tokens.count - i);
          const type = (seed >> 3) % 4;
          if (length === 0) tags.push(TAG_O);
          else for (let k = 0; k < length; k++) tags.push(tagOf(type, length === 1 ? TagPart.Unit : k === 0 ? TagPart.Begin : k === length - 1 ? TagPart.Last : TagPart.Inside));
          i += Math.max(length, 1);
        }
        const array = Uint8Array.from(tags);
        splitNationalities(text, context, tokens, array);
        const after = [...array];
        const joined = Uint8Array.from(after);
        joinNationalities(text, context, tokens, joined);
        assertJoins(context.gazetteer, after, [...joined], text);
        assertWellFormed(after);
        assert.deepStrictEqual(after.map((tag) => tag === TAG_O), tags.map((tag) => tag === TAG_O));
        // A span that changed is split in two: a gazetteer nationality (MISC) from the old span's start, then the rest
        // with the old span's type, to its end.
        const before = spansOf(tags);
        const changed = spansOf(after).filter((span) => !before.some((old) => old.start === span.start && old.end === span.end && old.type === span.type));
        for (const span of changed) {
          const old = before.find((candidate) => candidate.start <= span.start && span.end <= candidate.end);
          assert.ok(old !== undefined, `${JSON.stringify(span)} lies inside an old span: ${text}`);
          if (span.start === old.start) {
            assert.strictEqual(span.type, MISC_TYPE, text);
            assert.ok(coversExactly(context.gazetteer, DEMONYM_CATEGORY, span.start, span.end), `${JSON.stringify(span)} is a nationality: ${text}`);
          } else {
            assert.deepStrictEqual([span.end, span.type], [old.end, old.type], text);
            assert.ok(changed.some((nationality) => nationality.start === old.start && nationality.end === span.start - 1), text);
          }
        }
      }),
    );
  });
});
