// Builds the word-case table compiled into the entity model (`WordCase`): how often each word is written with a
// capital first letter where it does not begin a sentence, counted in unlabeled text. Dev-time only: the runtime
// reads the compiled table from models/ner.bin.
import { FeatureContext } from '../src/core/entities/features';
import { TokenBuffer, TokenFlag, TokenKind, tokenize } from '../src/core/entities/tokenizer';
import { WordCase, caseBucket } from '../src/core/entities/word-case';
import { unlabeledTexts } from './ner-clusters';

/**
 * The texts counted (NER_CASE_SOURCES to experiment): the Wikinews sample corpus without the GUM gold articles,
 * the State of the Union addresses, the Reuters-21578 stories and CoNLL-2003 train (training data already). Not
 * the Broad Twitter Corpus: it is a scored gold set, and its own capitals would describe its test words.
 */
const DEFAULT_CASE_SOURCES = ['wikinews', 'sotu', 'reuters', 'conll'];
/** Fewer mid-sentence occurrences than this give no bucket: the share would be noise. */
const MIN_OCCURRENCES = 3;
/**
 * The most frequent words kept (NER_CASE_WORDS): 90,000 fill a table of 131,072 slots (5 bytes each: 0.63 MiB),
 * which keeps models/ner.bin under 8 MiB.
 */
const DEFAULT_CASE_WORDS = 90000;
/** Tokens after which a capital says nothing about the word: an opening quote or a colon often begins a sentence. */
const OPENERS = new Set(['"', '“', '‘', "'", ':', '(', '[']);

/** Per lower-case hash: mid-sentence occurrences, and how many of them begin with a capital. */
function countCase(texts: readonly string[], counts: Map<number, { total: number; capitalised: number }>): void {
  const context = new FeatureContext();
  const buffer = new TokenBuffer();
  for (const text of texts) {
    const tokens = tokenize(text, buffer);
    context.prepare(text, tokens);
    for (let i = 0; i < tokens.count; i++) {
      const flag = tokens.flags[i] ?? 0;
      const kind = tokens.kinds[i] ?? 0;
      if (flag & (TokenFlag.SentenceStart | TokenFlag.CapsLine) || !(kind & (TokenKind.HasUpper | TokenKind.HasLower))) continue;
      if (i > 0 && OPENERS.has(text.slice(tokens.starts[i - 1] ?? 0, tokens.ends[i - 1] ?? 0))) continue;
      const low = context.low[i] ?? 0;
      let count = counts.get(low);
      if (count === undefined) counts.set(low, (count = { total: 0, capitalised: 0 }));
      count.total++;
      if (kind & TokenKind.FirstUpper) count.capitalised++;
    }
  }
}

/** The word-case table of the unlabeled text, with a line for the training log. */
export function buildWordCase(log: (line: string) => void): WordCase {
  const started = Date.now();
  const counts = new Map<number, { total: number; capitalised: number }>();
  for (const [, texts] of unlabeledTexts(process.env['NER_CASE_SOURCES']?.split(',') ?? DEFAULT_CASE_SOURCES)) countCase(texts, counts);
  const maxWords = Number(process.env['NER_CASE_WORDS'] ?? DEFAULT_CASE_WORDS);
  const kept = [...counts]
    .filter(([, count]) => count.total >= MIN_OCCURRENCES)
    .sort((a, b) => b[1].total - a[1].total || a[0] - b[0])
    .slice(0, maxWords);
  const table = WordCase.build(new Map(kept.map(([low, count]) => [low, caseBucket(count.capitalised, count.total)])));
  const perBucket = [0, 0, 0, 0, 0];
  for (const [, count] of kept) perBucket[caseBucket(count.capitalised, count.total)]!++;
  log(`word case: ${table.size} of ${counts.size} words (buckets ${perBucket.slice(1).join(' / ')}; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return table;
}
