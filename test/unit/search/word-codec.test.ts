import * as assert from 'assert';
import * as fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { ByteReader, ByteWriter } from '../../../src/core/search/byte-codec';
import { BitReader, BitWriter, HuffmanCode } from '../../../src/core/search/huffman';
import { TextPart, buildSnippet, highlightIds, snippetOfWords } from '../../../src/core/search/snippet';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { tokenize } from '../../../src/core/search/tokenize';
import { RESTART_WORDS, RestartPoints, WordCodec } from '../../../src/core/search/word-codec';

const decoder = new TextDecoder();
/** Articles longer than this (the 2 MB one) are only restored, not also located word by word. */
const LARGEST_CHECKED = 100_000;
const SAMPLES = join(__dirname, '..', '..', '..', '..', 'samples');

interface Analysed {
  readonly text: string;
  readonly bodyStart: number;
  readonly bodyIds: Uint32Array;
}

/** The texts indexed as the index does, each with its body's term ids, and the vocabulary they use. */
function analyse(texts: readonly string[]): { articles: Analysed[]; terms: readonly string[] } {
  const builder = new BatchBuilder(() => []);
  texts.forEach((text, at) => builder.addText({ path: `${at}.txt`, size: text.length, mtimeMs: 0 }, text));
  const batch = builder.finish();
  const articles: Analysed[] = [];
  let token = 0;
  let byte = 0;
  for (const meta of batch.articles) {
    articles.push({ text: decoder.decode(batch.text.subarray(byte, byte + meta.textBytes)), bodyStart: meta.bodyStart, bodyIds: batch.tokens.slice(token, token + meta.bodyTokens) });
    token += meta.bodyTokens + meta.titleTokens + 2 * meta.entityPairs;
    byte += meta.textBytes;
  }
  return { articles, terms: batch.vocabulary };
}

/**
 * Checks what snippets read of a coded article against its text: every body word's span located from the codes,
 * pieces of text decoded from restart points (from everywhere in the text), and the snippets of its words.
 */
function checkLayout(codec: WordCodec, bytes: Uint8Array, article: Analysed, idOf: ReadonlyMap<string, number>): void {
  if (article.text.length > LARGEST_CHECKED) {
    assert.ok(codec.layout(bytes), 'coded by its words');
    return;
  }
  const tokens = tokenize(article.text, article.bodyStart);
  const spansAt = (positions: number[]): { start: number; end: number }[] => positions.map((at) => ({ start: tokens[at]?.start ?? -1, end: tokens[at]?.end ?? -1 }));
  // The pass that decodes the ids and locates every word first: it meets each of the article's terms that no
  // earlier article had, whose lengths the codec reads from the terms only then.
  const bodyIds = new Uint32Array(article.bodyIds.length);
  const located = codec.locate(bytes, bodyIds, new RestartPoints());
  assert.deepStrictEqual(bodyIds, article.bodyIds);
  assert.deepStrictEqual(located?.spans(tokens.map((_, at) => at)), spansAt(tokens.map((_, at) => at)));
  const restarts = new RestartPoints();
  const words = codec.layout(bytes, restarts);
  assert.ok(words, 'coded by its words');
  // A few words first (restart points up to the last of them), then all of them from those points, then a few
  // again by a second layout that starts from every point the first left.
  const few = tokens.map((_, at) => at).filter((at) => at % 37 === 5 || at === tokens.length - 1);
  assert.deepStrictEqual(words.spans(few), spansAt(few));
  const all = tokens.map((_, at) => at);
  assert.deepStrictEqual(words.spans(all), spansAt(all));
  assert.strictEqual(restarts.length, Math.ceil(tokens.length / RESTART_WORDS));
  assert.deepStrictEqual(codec.layout(bytes, restarts)?.spans(few), spansAt(few));
  const { text } = article;
  for (let from = 0; from <= text.length; from += Math.max(1, Math.floor(text.length / 40))) {
    const to = from + 1 + (from % 97);
    const part: TextPart = words.around(from, to);
    assert.ok(part.base <= from && part.base + part.text.length >= Math.min(to, text.length), `piece ${from}–${to} covered`);
    assert.strictEqual(part.text, text.slice(part.base, part.base + part.text.length), `piece ${from}–${to}`);
    assert.ok(part.length >= Math.min(to, text.length) && part.length <= text.length);
  }
  const picked = new Set(tokens.filter((_, at) => at % 7 === 3).map(({ term }) => term));
  const phrase = tokens.slice(5, 7).map(({ term }) => term);
  const highlight = { terms: picked, phrases: phrase.length === 2 ? [phrase] : [] };
  const ids = highlightIds(highlight, (term) => idOf.get(term));
  for (const length of [40, 200]) {
    assert.deepStrictEqual(snippetOfWords(words, article.bodyStart, article.bodyIds, ids, length), buildSnippet(text, article.bodyStart, highlight, length));
  }
}

/**
 * Codes every text that is an article with codes made from all of them and checks that text (as indexed: a
 * byte-order mark dropped) and ids come back exactly; returns the coded bytes.
 */
function roundTrip(texts: readonly string[]): Uint8Array[] {
  const { articles, terms } = analyse(texts);
  const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
  const idOf = new Map(terms.map((term, id) => [term, id]));
  return articles.map((article, at) => {
    const bytes = codec.encode(article);
    assert.strictEqual(codec.decodeText(bytes), article.text, `text ${at}`);
    assert.deepStrictEqual(codec.decodeIds(bytes), article.bodyIds, `ids ${at}`);
    assert.strictEqual(WordCodec.wordCount(bytes), article.bodyIds.length);
    if (bytes[0] === 1) checkLayout(codec, bytes, article, idOf);
    return bytes;
  });
}

function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

describe('word codec', () => {
  it('restores the seeds and every sample article byte for byte, at a quarter to a third of their size', () => {
    const texts = [...filesIn(join(SAMPLES, 'seeds')), ...filesIn(join(SAMPLES, 'wikinews'))];
    const coded = roundTrip(texts);
    assert.strictEqual(coded.length, texts.length);
    const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const codedBytes = coded.reduce((sum, bytes) => sum + bytes.length, 0);
    assert.ok(codedBytes < 0.45 * textBytes, `${codedBytes} of ${textBytes} bytes`);
    assert.ok(coded.every((bytes) => bytes[0] === 1), 'every article coded by its words');
  });

  it('restores unicode, CRLF, tabs, odd spacing, capitals, long words and an empty article', () => {
    roundTrip([
      ' date 2023-09-13 Zürich, Москва, 東京 😀 İstanbul STRASSE Straße ǅemal\r\n\r\nKim Jong-un met Vladimir Putin: naïve café, 𝒳 = 1,000.',
      ' date 2023-09-14\tTabs\tand  double  spaces \u00a0 and\u2009thin ones, trailing   \n\n\n   ',
      ' date 2023-09-15 McDonald iPhone NATO Nato nato e\u0301te\u0301 combining marks \u0301\u0302 alone',
      ` date 2023-09-16 ${'x'.repeat(45)} ${'Y'.repeat(41)} Supercalifragilisticexpialidociousnessesxx`,
      ' date 2023-09-17 \n\n',
      'No date line at all, but a body.\n\nAnd a second paragraph.',
      '\uFEFF date 2023-09-18 A byte-order mark first.',
    ]);
  });

  it('restores a 2 MB article', () => {
    const paragraph = 'Oil prices rose sharply as traders weighed supply from the Gulf, analysts said. ';
    roundTrip([` date 2023-09-14 Big story\n\n${paragraph.repeat(Math.floor(2_000_000 / paragraph.length))}`]);
  });

  it('restores any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { minLength: 1, maxLength: 5 }), (paragraphs) => {
        roundTrip([` date 2023-09-13 ${paragraphs.join('\n\n')}`]);
      }),
      { numRuns: 100 },
    );
  });

  it('restores each spelling of terms met before in other articles, in any order of reading (property)', () => {
    // The codec keeps the bytes of an ASCII term from the first text it restores with it, for every later one.
    const spellings = ['oil', 'Oil', 'OIL', 'prices', 'Prices', 'PRICES', 'café', 'Café', 'CAFÉ', 'straße', 'STRASSE', 'x'.repeat(127), 'Y'.repeat(128), 'McDonald', 'e\u0301te\u0301'];
    const article = fc.array(fc.constantFrom(...spellings), { minLength: 1, maxLength: 30 }).map((words) => ` date 2023-09-13 ${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(article, { minLength: 2, maxLength: 6 }), fc.boolean(), (texts, backwards) => {
        const { articles, terms } = analyse(texts);
        const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
        const coded = articles.map((one) => codec.encode(one));
        const order = articles.map((_, at) => at);
        if (backwards) order.reverse();
        for (const at of [...order, ...order]) {
          const { text } = articles[at]!;
          assert.strictEqual(codec.decodeText(coded[at]!), text);
          const part = codec.layout(coded[at]!)?.around(0, text.length);
          if (part) assert.strictEqual(part.text, text.slice(part.base, part.base + part.text.length));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps an article whose ids do not match its words as it is, and restores it', () => {
    const { articles, terms } = analyse([' date 2023-09-13 Oil prices rose.']);
    const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
    const wrong = { ...articles[0]!, bodyIds: new Uint32Array([2, 1, 0]) };
    const bytes = codec.encode(wrong);
    assert.strictEqual(bytes[0], 0, 'kept as it is');
    assert.strictEqual(codec.decodeText(bytes), wrong.text);
    assert.deepStrictEqual(codec.decodeIds(bytes), wrong.bodyIds);
  });

  it('codes terms added after its codes were made, and reads back the codes it saved', () => {
    const first = analyse([' date 2023-09-13 Oil prices rose.', ' date 2023-09-14 Wheat prices fell.']);
    const terms = [...first.terms];
    const codec = runAtOnce(WordCodec.buildSteps(first.articles.slice(0, 1), terms.slice(0, 3)));
    const writer = new ByteWriter();
    codec.write(writer);
    const saved = WordCodec.read(new ByteReader(Buffer.concat(writer.finish())), terms);
    assert.deepStrictEqual(saved.separators, codec.separators);
    for (const article of first.articles) {
      const bytes = saved.encode(article);
      assert.strictEqual(bytes[0], 1, 'coded by its words, new terms escaped');
      assert.strictEqual(saved.decodeText(bytes), article.text);
      assert.deepStrictEqual(saved.decodeIds(bytes), article.bodyIds);
      checkLayout(saved, bytes, article, new Map(terms.map((term, id) => [term, id])));
    }
  });

  it('reads back the codes it saved as plain data that crosses to another thread, and decodes alike from it', () => {
    const { articles, terms } = analyse([' date 2023-09-13 Oil prices rose in Vienna.', ' date 2023-09-14 Wheat prices fell, and oil rose again.']);
    const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
    const writer = new ByteWriter();
    codec.write(writer);
    const section = Buffer.concat(writer.finish());
    const read = WordCodec.read(new ByteReader(section), terms);
    // What a worker's message makes of it: copies, with no class left.
    const crossed = WordCodec.fromSaved(structuredClone(WordCodec.readSaved(new ByteReader(section))), terms);
    for (const article of articles) {
      const bytes = read.encode(article);
      assert.deepStrictEqual(crossed.encode(article), bytes);
      assert.strictEqual(crossed.decodeText(bytes), article.text);
      assert.deepStrictEqual(crossed.decodeIds(bytes), article.bodyIds);
    }
  });

  it('refuses damaged bytes with a prefixed message', () => {
    const { articles, terms } = analyse([' date 2023-09-13 Oil prices rose, and rose, and rose again in Vienna today.']);
    const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
    const bytes = codec.encode(articles[0]!);
    assert.throws(() => codec.decodeText(bytes.subarray(0, bytes.length - 3)), /^Error: News Corpus: /);
    const writer = new ByteWriter();
    writer.varint(0);
    writer.varint(2);
    writer.bytes(new Uint8Array([1, 1]));
    writer.varint(3);
    writer.bytes(new Uint8Array([1, 1, 1]));
    assert.throws(() => WordCodec.read(new ByteReader(Buffer.concat(writer.finish())), terms), /^Error: News Corpus: the codes in the index file overlap/);
  });
});

describe('Huffman codes', () => {
  it('decode what they coded, for any counts and symbols', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 200 }), (counts, picks) => {
        const used = counts.map((count) => count + 1);
        const code = HuffmanCode.fromCounts(used);
        const symbols = picks.map((pick) => pick % used.length);
        const bits = new BitWriter();
        for (const symbol of symbols) code.write(bits, symbol);
        const reader = new BitReader(bits.finish(), 0);
        assert.deepStrictEqual(
          symbols.map(() => code.read(reader)),
          symbols,
        );
        assert.ok(!reader.overrun);
        assert.deepStrictEqual(HuffmanCode.fromLengths(code.lengths).lengths, code.lengths);
      }),
      { numRuns: 200 },
    );
  });

  it('decode alike through the term ids\' wide look-up (short codes, up to 16 bits, longer ones) as through the narrow one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 300 }), (exponents, picks) => {
        // Counts spread over powers of two give codes of every length, from a few bits to past 16.
        const counts = exponents.map((exponent) => 2 ** exponent);
        const wide = HuffmanCode.fromCounts(counts, 16);
        const narrow = HuffmanCode.fromLengths(wide.lengths);
        const symbols = [...picks.map((pick) => pick % counts.length), ...counts.map((_, symbol) => symbol)];
        const bits = new BitWriter();
        for (const symbol of symbols) wide.write(bits, symbol);
        const bytes = bits.finish();
        const wideReader = new BitReader(bytes, 0);
        const narrowReader = new BitReader(bytes, 0);
        assert.deepStrictEqual(symbols.map(() => wide.read(wideReader)), symbols);
        assert.deepStrictEqual(symbols.map(() => narrow.read(narrowReader)), symbols);
      }),
      { numRuns: 100 },
    );
  });

  it('decode alike from their tables made on another thread, and refuse tables that do not fit together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 300 }), (exponents, picks) => {
        const counts = exponents.map((exponent) => 2 ** exponent);
        const code = HuffmanCode.fromCounts(counts, 16);
        const crossed = HuffmanCode.fromTables(structuredClone(code.tables()));
        const symbols = [...picks.map((pick) => pick % counts.length), ...counts.map((_, symbol) => symbol)];
        const bits = new BitWriter();
        for (const symbol of symbols) code.write(bits, symbol);
        const reader = new BitReader(bits.finish(), 0);
        assert.deepStrictEqual(symbols.map(() => crossed.read(reader)), symbols);
      }),
      { numRuns: 50 },
    );
    const tables = HuffmanCode.fromCounts([5, 3, 1, 1], 16).tables();
    assert.throws(() => HuffmanCode.fromTables({ ...tables, lookupBits: 15 }), /^Error: News Corpus: the tables of a Huffman code do not fit together\.$/);
  });

  it('refuses a look-up narrower than its short table, which would decode the wrong symbols', () => {
    assert.throws(() => HuffmanCode.fromCounts([5, 3, 1, 1], 8), /^Error: News Corpus: a Huffman code's lookup width must be 11 to 24 bits, not 8\.$/);
    assert.throws(() => HuffmanCode.fromLengths(HuffmanCode.fromCounts([5, 3, 1, 1]).lengths, 25), /News Corpus: .* not 25\./);
  });

  it('keeps every code within 24 bits, however skewed the counts', () => {
    // Fibonacci counts make the deepest possible tree: 40 symbols would need 39 bits.
    const counts = [1, 1];
    while (counts.length < 40) counts.push((counts[counts.length - 1] ?? 0) + (counts[counts.length - 2] ?? 0));
    const code = HuffmanCode.fromCounts(counts);
    assert.ok(Math.max(...code.lengths) <= 24);
    const bits = new BitWriter();
    counts.forEach((_, symbol) => code.write(bits, symbol));
    const reader = new BitReader(bits.finish(), 0);
    assert.deepStrictEqual(
      counts.map(() => code.read(reader)),
      counts.map((_, symbol) => symbol),
    );
  });
});
