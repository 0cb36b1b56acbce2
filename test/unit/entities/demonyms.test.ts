import * as assert from 'assert';
import * as fc from 'fast-check';
import { retypeDemonyms, splitNationalities } from '../../../src/core/entities/demonyms';
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
  ...['North Koreans', 'Americans', 'North Korean', 'Russian', 'Malaysian', 'American'].map((name) => ({ tokens: hashesOf(name), category: DEMONYM_CATEGORY })),
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

describe('a nationality split off a name that stands alone', () => {
  /** The tags `splitNationalities` leaves on `text`, given the decoder's `tags`. */
  function split(text: string, tags: readonly number[]): number[] {
    const context = new FeatureContext();
    const tokens = tokenize(text);
    assert.strictEqual(tokens.count, tags.length, 'one tag per token');
    context.prepare(text, tokens, { gazetteer: NATIONALITIES, embeddings: COMMON_WORDS });
    const array = Uint8Array.from(tags);
    splitNationalities(context, tokens, array);
    return [...array];
  }
  const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

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

  it('always splits a nationality off a person, even before a common first word', () => {
    assert.deepStrictEqual(split('American Space Smith', [per(B), per(I), per(L)]), [misc(U), per(B), per(L)]);
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

describe('splitNationalities on any tagging of any words (property)', () => {
  /** Words that exercise every branch: nationalities of one and two words, a country that begins with one, rare and common words, lower case, a glued pair. */
  const WORDS = ['North', 'Korean', 'Russian', 'American', 'Samoa', 'Malaysian', 'Zorbas', 'Vostochny', 'Airlines', 'Space', 'Bundestag', 'zorbas', 'the', 'RussianZorbas', ',', 'RUSSIAN', 'ZORBAS', '\n'];
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

  it('leaves well-formed BILOU tags on the same tokens, and cuts a span only after a gazetteer nationality', () => {
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
        splitNationalities(context, tokens, array);
        const after = [...array];
        let previous = TAG_START;
        for (const tag of after) {
          assert.ok(isAllowed(previous, tag, false), `${previous} then ${tag} in ${after.join(' ')}`);
          previous = tag;
        }
        assert.ok(previous === TAG_START || previous === TAG_O || partOf(previous) >= TagPart.Last, 'no span left open');
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
