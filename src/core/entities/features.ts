import { CharClass, charClass, foldPunctuation, lowerCode } from './chars';
import { FNV_OFFSET, finish, fnvStep, mix } from './hash';
import { Lexicon } from './lexicon';
import { TokenBuffer, TokenFlag, TokenKind } from './tokenizer';
import { CLUSTER_LEVELS, WordClusters, clusterAt } from './word-clusters';
import { WordVectors } from './word-vectors';

/**
 * Whose projected word vector a real-valued feature reads: the scored token's own, or its previous or next word's
 * (`Neighbour.Previous` + 1, `Neighbour.Next` + 1).
 *
 * @example
 * vectorKey(VectorPosition.Next, 3); // the key of dimension 3 of the next word's vector
 */
export const enum VectorPosition {
  Token = 0,
  Previous = 1,
  Next = 2,
}

/**
 * Number of {@link VectorPosition} values.
 *
 * @example
 * const table = new Int32Array(VECTOR_POSITIONS * dimensions * TAG_COUNT);
 */
export const VECTOR_POSITIONS = 3;

/**
 * Feature templates. A feature's key is `finish(mix(mix(template, a), b))` over precomputed token hashes,
 * so no string is built per feature. Changing a number changes every key: retrain the model after.
 */
const enum T {
  Bias = 1,
  Low,
  Raw,
  Shape,
  Prefix1,
  Suffix1 = Prefix1 + 4,
  LowPrev = Suffix1 + 4,
  LowNext,
  LowPrev2,
  LowNext2,
  BigramPrev,
  BigramNext,
  Shape3,
  PositionShape,
  PositionLow,
  LengthShape,
  Gazetteer,
  GazetteerCased,
  LowerInDocument,
  TagPrev,
  DocumentType,
  DocumentTypePosition,
  Cluster,
  ClusterPrev = Cluster + CLUSTER_LEVELS,
  ClusterNext = ClusterPrev + CLUSTER_LEVELS,
  Embedding = ClusterNext + CLUSTER_LEVELS,
  EmbeddingPrev = Embedding + CLUSTER_LEVELS,
  EmbeddingNext = EmbeddingPrev + CLUSTER_LEVELS,
  TableShape = EmbeddingNext + CLUSTER_LEVELS,
  TableLow = TableShape + 1,
  Vector = TableLow + 1,
  ClusterPrev2 = Vector + VECTOR_POSITIONS,
  ClusterNext2 = ClusterPrev2 + CLUSTER_LEVELS,
  EmbeddingPrev2 = ClusterNext2 + CLUSTER_LEVELS,
  EmbeddingNext2 = EmbeddingPrev2 + CLUSTER_LEVELS,
  Last = EmbeddingNext2 + CLUSTER_LEVELS,
}

/**
 * The groups of feature templates, for feature bagging in training (`TrainingOptions.bags`): a perceptron trained
 * without a group must decide from the others. `Kept` are in every perceptron: the bias, the previous tag, "written
 * in lower case in the document" and the document evidence. `Lexical` is the identity of the word or its neighbours
 * (Low, Raw, LowPrev/LowNext, LowPrev2/LowNext2, BigramPrev/BigramNext, PositionLow, TableLow); `Distributional` the
 * word clusters and GloVe clusters of the word and its neighbours and the projected vectors; `Orthographic` the shapes,
 * affixes and length (Shape, Prefix, Suffix, LengthShape, Shape3, PositionShape, TableShape); `Gazetteer` the matches.
 *
 * @example
 * trainPerceptron(documents, lexicon, { bags: [undefined, FeatureGroup.Lexical] }); // a full perceptron and one without the words
 */
export const enum FeatureGroup {
  Kept = 0,
  Lexical = 1,
  Distributional = 2,
  Orthographic = 3,
  Gazetteer = 4,
}

/**
 * A well-mixed seed per template. Mixing the small template number itself with small values (a tag,
 * a gazetteer bit) would make different templates collide: 25 ^ 2 === 30 ^ 5.
 */
const SEEDS: Int32Array = (() => {
  const seeds = new Int32Array(T.Last);
  for (let t = 0; t < seeds.length; t++) seeds[t] = finish(Math.imul(t + 1, 0x9e3779b1));
  return seeds;
})();

/**
 * Upper bound of the features of one token (19 word; 36 context: 4 neighbour words, 7 of its own, 24 neighbour
 * clusters, 1 lower-case seen; 2 per gazetteer match bit, ≤ 40 in practice and 64 with all 32 bits set; 1 tag; 2
 * document: 98 in practice, 122 at worst), sizing the key buffers so they are allocated once and never checked per
 * feature.
 *
 * @example
 * const keys = new Int32Array(MAX_FEATURES);
 * const count = context.staticFeatures(0, keys, 0); // count <= MAX_FEATURES
 */
export const MAX_FEATURES = 128;
const AFFIX_LENGTH = 4;
const BOUNDARY = 0x5bd1e995; // the "word" before a sentence's start and after its end
const ZERO = 0x30;
const MAX_LENGTH_BUCKET = 7;

/** A character as words hash it: punctuation already folded, every digit as 0. */
function normalCode(code: number): number {
  return charClass(code) === CharClass.Digit ? ZERO : code;
}

/** A character as shapes hash it: X, x, d and L for upper, lower, digit and caseless letters; anything else as itself. */
function shapeCodeOf(code: number): number {
  const cls = charClass(code);
  return cls === CharClass.Upper ? 0x58 : cls === CharClass.Lower ? 0x78 : cls === CharClass.Digit ? 0x64 : cls === CharClass.Letter ? 0x4c : code;
}

const ASCII = 0x80;
/**
 * The three codes of every ASCII character (most of an English text) looked up instead of computed: hashing
 * runs per character of every token. Built from the same functions, so a table entry is what they return.
 */
const ASCII_NORMAL = Uint16Array.from({ length: ASCII }, (_, code) => normalCode(foldPunctuation(code)));
const ASCII_LOWER = Uint16Array.from({ length: ASCII }, (_, code) => lowerCode(normalCode(foldPunctuation(code))));
const ASCII_SHAPE = Uint16Array.from({ length: ASCII }, (_, code) => shapeCodeOf(foldPunctuation(code)));

/**
 * Bits of `FeatureContext.position`: the token begins a sentence, or stands on an all-caps line (a headline, where
 * case says nothing about names).
 *
 * @example
 * const onCapsLine = (context.position[i] ?? 0) & POSITION_CAPS_LINE;
 */
export const POSITION_SENTENCE_START = 1;
/** See {@link POSITION_SENTENCE_START}. */
export const POSITION_CAPS_LINE = 2;

/**
 * Per-document token hashes and the feature keys computed from them. One instance is reused for every
 * text (its arrays grow, never shrink), which keeps the hot path free of allocation.
 *
 * @example
 * const context = new FeatureContext();
 * context.prepare(text, tokenize(text), { gazetteer });
 * const keys = new Int32Array(MAX_FEATURES);
 * const count = context.staticFeatures(0, keys, 0);
 */
export class FeatureContext {
  count = 0;
  low = new Int32Array(0);
  raw = new Int32Array(0);
  shape = new Int32Array(0);
  private readonly affixes = new Int32Array(AFFIX_LENGTH * 2);
  private text = '';
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  lengths = new Uint8Array(0);
  gazetteer = new Uint32Array(0);
  /** Position code per token: {@link POSITION_SENTENCE_START} and {@link POSITION_CAPS_LINE} bits. */
  position = new Uint8Array(0);
  /** 1 when the token is the last of its sentence. */
  last = new Uint8Array(0);
  /** 1 when a capitalised token's lower-case form also occurs in lower case in the document. */
  lowerSeen = new Uint8Array(0);
  /** Document evidence per token from a first pass: 0 none, 1 + type index, or 5 when mostly outside. */
  documentType = new Uint8Array(0);
  kinds = new Uint8Array(0);
  /** 1 when the token's sentence is a table row: numbers and capitalised words, no lower-case word ("Chelsea 2 Southampton 0"). */
  tableRow = new Uint8Array(0);
  /** The clusters `clustersOf` looks words up in. */
  private wordClusters: WordClusters | undefined;
  /** The clusters of pre-trained word vectors `embeddingsOf` looks words up in. */
  private embeddingClusters: WordClusters | undefined;
  /** The projected word vectors `vectorRowOf` looks words up in. */
  private wordVectors: WordVectors | undefined;
  private lowerSet = new Int32Array(0);

  /**
   * Computes every per-token hash of `tokens` (the output of `tokenize(text)`) and the gazetteer's matches; the
   * lexicon's `clusters` (of the unlabeled text), `embeddings` (clusters of pre-trained word vectors) and `vectors`
   * (their projections) are looked up when asked. Whatever the lexicon lacks gives no feature.
   */
  prepare(text: string, tokens: TokenBuffer, lexicon: Partial<Lexicon> = {}): void {
    const { gazetteer, clusters, embeddings, vectors } = lexicon;
    const count = tokens.count;
    this.ensure(count);
    this.count = count;
    const { starts, ends, flags, kinds } = tokens;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    for (let i = 0; i < count; i++) {
      this.hashToken(text, i, starts[i] ?? 0, ends[i] ?? 0);
      const flag = flags[i] ?? 0;
      this.position[i] = (flag & TokenFlag.SentenceStart ? POSITION_SENTENCE_START : 0) | (flag & TokenFlag.CapsLine ? POSITION_CAPS_LINE : 0);
      this.last[i] = i + 1 === count || (flags[i + 1] ?? 0) & TokenFlag.SentenceStart ? 1 : 0;
      this.kinds[i] = kinds[i] ?? 0;
      this.documentType[i] = 0;
    }
    this.markLowerSeen(count);
    this.markTableRows(count);
    this.gazetteer.fill(0, 0, count);
    if (gazetteer) gazetteer.mark(this.low, this.last, count, this.gazetteer);
    this.wordClusters = clusters;
    this.embeddingClusters = embeddings;
    this.wordVectors = vectors;
  }

  /**
   * Token `i`'s packed word-cluster numbers (`WordClusters.lookup`), 0 for a word without a cluster. Looked up
   * when asked, not in `prepare`: the decoder needs them only for the words that miss its caches.
   */
  clustersOf(i: number): number {
    return this.wordClusters === undefined ? 0 : this.wordClusters.lookup(this.low[i] ?? 0);
  }

  /** Token `i`'s packed clusters of pre-trained word vectors, as `clustersOf` (0 for a word without them). */
  embeddingsOf(i: number): number {
    return this.embeddingClusters === undefined ? 0 : this.embeddingClusters.lookup(this.low[i] ?? 0);
  }

  /** Token `i`'s row of projected word vectors (`WordVectors.rowOf`), −1 for a word without one. */
  vectorRowOf(i: number): number {
    return this.wordVectors === undefined ? -1 : this.wordVectors.rowOf(this.low[i] ?? 0);
  }

  private ensure(count: number): void {
    if (this.low.length >= count) return;
    const size = Math.max(count, this.low.length * 2, 256);
    this.low = new Int32Array(size);
    this.raw = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.lengths = new Uint8Array(size);
    this.gazetteer = new Uint32Array(size);
    this.position = new Uint8Array(size);
    this.last = new Uint8Array(size);
    this.lowerSeen = new Uint8Array(size);
    this.documentType = new Uint8Array(size);
    this.kinds = new Uint8Array(size);
    this.tableRow = new Uint8Array(size);
    this.lowerSet = new Int32Array(nextPowerOfTwo(size * 2));
  }

  private hashToken(text: string, i: number, start: number, end: number): void {
    let low = FNV_OFFSET;
    let raw = FNV_OFFSET;
    let shape = FNV_OFFSET;
    let lastShape = -1;
    for (let p = start; p < end; p++) {
      const unit = text.charCodeAt(p);
      let normal: number;
      let lowerNormal: number;
      let shapeCode: number;
      if (unit < ASCII) {
        normal = ASCII_NORMAL[unit] ?? 0;
        lowerNormal = ASCII_LOWER[unit] ?? 0;
        shapeCode = ASCII_SHAPE[unit] ?? 0;
      } else {
        const code = foldPunctuation(unit);
        normal = normalCode(code);
        lowerNormal = lowerCode(normal);
        shapeCode = shapeCodeOf(code);
      }
      raw = fnvStep(raw, normal);
      low = fnvStep(low, lowerNormal);
      if (shapeCode !== lastShape) shape = fnvStep(shape, shapeCode);
      lastShape = shapeCode;
    }
    this.low[i] = low;
    this.raw[i] = raw;
    this.shape[i] = shape;
    this.lengths[i] = Math.min(end - start, MAX_LENGTH_BUCKET);
  }

  /**
   * Hashes of token `i`'s prefixes (`affixes[0…3]`) and suffixes (`affixes[4…7]`) of 1–4 characters, 0 where
   * the token is shorter. Computed when asked, not in `prepare`: the decoder only needs them for a word
   * that misses its cache, and most tokens are never scored at all.
   */
  private hashAffixes(i: number): Int32Array {
    const affixes = this.affixes;
    const text = this.text;
    const start = this.starts[i] ?? 0;
    const end = this.ends[i] ?? 0;
    let prefix = FNV_OFFSET;
    let suffix = FNV_OFFSET;
    for (let k = 0; k < AFFIX_LENGTH; k++) {
      const first = start + k;
      const last = end - 1 - k;
      if (first >= end) {
        affixes[k] = 0;
        affixes[AFFIX_LENGTH + k] = 0;
        continue;
      }
      prefix = fnvStep(prefix, affixCode(text.charCodeAt(first)));
      suffix = fnvStep(suffix, affixCode(text.charCodeAt(last)));
      affixes[k] = prefix;
      affixes[AFFIX_LENGTH + k] = suffix;
    }
    return affixes;
  }

  /**
   * Marks the sentences that are table rows: at least one number, no word that starts in lower case, and not an
   * all-caps line (a headline). A fifth of CoNLL train's names stand in such rows (results, standings, scores:
   * clubs named after their city, players by surname) and almost none of the modern sets' do: the model learns what
   * a capitalised word means in a row apart from what it means in prose.
   */
  private markTableRows(count: number): void {
    let start = 0;
    while (start < count) {
      let end = start + 1;
      while (end < count && !((this.position[end] ?? 0) & POSITION_SENTENCE_START)) end++;
      let digits = false;
      let lowerWord = false;
      for (let i = start; i < end; i++) {
        const kind = this.kinds[i] ?? 0;
        if (kind & TokenKind.HasDigit) digits = true;
        else if (kind & TokenKind.HasLower && !(kind & TokenKind.FirstUpper)) lowerWord = true;
      }
      const row = digits && !lowerWord && !((this.position[start] ?? 0) & POSITION_CAPS_LINE) ? 1 : 0;
      this.tableRow.fill(row, start, end);
      start = end;
    }
  }

  /** Marks capitalised tokens whose lower-case form the document also writes in lower case ("Photo" / "photo"). */
  private markLowerSeen(count: number): void {
    const set = this.lowerSet;
    // Sized for this document, not for the largest one seen: clearing must stay O(count).
    const size = nextPowerOfTwo(count * 2);
    const mask = size - 1;
    set.fill(0, 0, size);
    for (let i = 0; i < count; i++) {
      const kind = this.kinds[i] ?? 0;
      if (kind & TokenKind.HasUpper || !(kind & TokenKind.HasLower)) continue;
      const key = this.low[i] || 1;
      let slot = key & mask;
      while (set[slot] !== 0 && set[slot] !== key) slot = (slot + 1) & mask;
      set[slot] = key;
    }
    for (let i = 0; i < count; i++) {
      this.lowerSeen[i] = 0;
      if (!((this.kinds[i] ?? 0) & TokenKind.FirstUpper)) continue;
      const key = this.low[i] || 1;
      let slot = key & mask;
      while (set[slot] !== 0) {
        if (set[slot] === key) {
          this.lowerSeen[i] = 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * Writes the keys of the features of token `i` that depend neither on tags nor on a first pass into
   * `out` from `at`; returns how many were written. The training path: the decoder splits the same
   * keys into `wordFeatures` (cached per word) and `contextFeatures`.
   */
  staticFeatures(i: number, out: Int32Array, at: number): number {
    const n = this.wordFeatures(i, out, at);
    return n + this.contextFeatures(i, out, at + n);
  }

  /**
   * The features that are a function of the token's own characters only (word, shape, affixes, length),
   * plus the bias: their summed weights can be cached per distinct word. Returns how many were written.
   */
  wordFeatures(i: number, out: Int32Array, at: number): number {
    const shape = this.shape[i] ?? 0;
    let n = at;
    out[n++] = finish(SEEDS[T.Bias] ?? 0);
    out[n++] = finish(mix(SEEDS[T.Low] ?? 0, this.low[i] ?? 0));
    out[n++] = finish(mix(SEEDS[T.Raw] ?? 0, this.raw[i] ?? 0));
    out[n++] = finish(mix(SEEDS[T.Shape] ?? 0, shape));
    const affixes = this.hashAffixes(i);
    for (let k = 0; k < AFFIX_LENGTH; k++) {
      const prefix = affixes[k] ?? 0;
      if (prefix !== 0) out[n++] = finish(mix(SEEDS[T.Prefix1 + k] ?? 0, prefix));
      const suffix = affixes[AFFIX_LENGTH + k] ?? 0;
      if (suffix !== 0) out[n++] = finish(mix(SEEDS[T.Suffix1 + k] ?? 0, suffix));
    }
    out[n++] = finish(mix(mix(SEEDS[T.LengthShape] ?? 0, this.lengths[i] ?? 0), shape));
    n += levelKeys(T.Cluster, this.clustersOf(i), out, n);
    n += levelKeys(T.Embedding, this.embeddingsOf(i), out, n);
    return n - at;
  }

  /**
   * The tag-independent features that look at the neighbours, the position and the gazetteer: the training
   * path, in the order training sums them. The decoder gets the same keys in three parts, each cacheable on
   * its own: {@link neighbourFeatures} per neighbour word, {@link ownContextFeatures}, {@link gazetteerFeatures}.
   */
  contextFeatures(i: number, out: Int32Array, at: number): number {
    let n = at;
    for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) {
      const j = this.neighbourOf(i, neighbour);
      out[n++] = neighbourLowKey(neighbour, j === NO_NEIGHBOUR ? BOUNDARY : this.low[j] ?? 0);
    }
    n += this.ownContextFeatures(i, out, n, false);
    n += this.neighbourClusterKeys(i, Neighbour.Previous, out, n);
    n += this.neighbourClusterKeys(i, Neighbour.SecondPrevious, out, n);
    if (this.lowerSeen[i]) out[n++] = this.lowerSeenKey(i);
    let gazetteer = this.gazetteer[i] ?? 0;
    const cased = this.cased(i);
    for (let bit = 0; gazetteer !== 0; bit++, gazetteer >>>= 1) if (gazetteer & 1) n += gazetteerFeatures(bit, cased, out, n);
    return n - at;
  }

  /**
   * Writes the keys of both cluster sources of the words on both sides of token `i` at one distance (`side`: the
   * previous one's {@link Neighbour}, the next one's follows it), as `neighbourFeatures` does per word; returns how many.
   */
  private neighbourClusterKeys(i: number, side: Neighbour, out: Int32Array, at: number): number {
    const previous = this.neighbourOf(i, side);
    const next = this.neighbourOf(i, side + 1);
    let n = at;
    n += neighbourLevelKeys(NEIGHBOUR_CLUSTER_SEEDS, side, previous === NO_NEIGHBOUR ? undefined : this.clustersOf(previous), next === NO_NEIGHBOUR ? undefined : this.clustersOf(next), out, n);
    n += neighbourLevelKeys(NEIGHBOUR_EMBEDDING_SEEDS, side, previous === NO_NEIGHBOUR ? undefined : this.embeddingsOf(previous), next === NO_NEIGHBOUR ? undefined : this.embeddingsOf(next), out, n);
    return n - at;
  }

  /**
   * The context features of token `i` that are neither a neighbour's word alone nor the gazetteer's: bigrams,
   * shapes around it, its position, and (with `withLowerSeen`) whether the document writes it in lower case.
   * Returns how many were written.
   */
  ownContextFeatures(i: number, out: Int32Array, at: number, withLowerSeen = true): number {
    const low = this.low[i] ?? 0;
    const shape = this.shape[i] ?? 0;
    const position = this.position[i] ?? 0;
    const previous = this.neighbourOf(i, Neighbour.Previous);
    const next = this.neighbourOf(i, Neighbour.Next);
    const lowPrev = previous === NO_NEIGHBOUR ? BOUNDARY : this.low[previous] ?? 0;
    const lowNext = next === NO_NEIGHBOUR ? BOUNDARY : this.low[next] ?? 0;
    const shapePrev = previous === NO_NEIGHBOUR ? BOUNDARY : this.shape[previous] ?? 0;
    const shapeNext = next === NO_NEIGHBOUR ? BOUNDARY : this.shape[next] ?? 0;
    let n = at;
    out[n++] = finish(mix(mix(SEEDS[T.BigramPrev] ?? 0, lowPrev), low));
    out[n++] = finish(mix(mix(SEEDS[T.BigramNext] ?? 0, low), lowNext));
    out[n++] = finish(mix(mix(mix(SEEDS[T.Shape3] ?? 0, shapePrev), shape), shapeNext));
    out[n++] = finish(mix(mix(SEEDS[T.PositionShape] ?? 0, position), shape));
    out[n++] = finish(mix(mix(SEEDS[T.PositionLow] ?? 0, position), low));
    if (this.tableRow[i]) {
      out[n++] = finish(mix(SEEDS[T.TableShape] ?? 0, shape));
      out[n++] = finish(mix(SEEDS[T.TableLow] ?? 0, low));
    }
    if (withLowerSeen && this.lowerSeen[i]) out[n++] = this.lowerSeenKey(i);
    return n - at;
  }

  /**
   * Writes the {@link FeatureGroup} of each key that `wordFeatures(i)` writes, or with `withContext` each key of
   * `staticFeatures(i)`, in the same order, to `groups` from `at`; returns how many (the same count). Training only
   * (feature bagging): it follows the order of `wordFeatures`, `contextFeatures` and `ownContextFeatures`, so a change
   * there must change it too (test/unit/entities/feature-groups.test.ts checks each group against what it depends on).
   */
  staticFeatureGroups(i: number, withContext: boolean, groups: Uint8Array, at: number): number {
    let n = at;
    groups[n++] = FeatureGroup.Kept; // Bias
    groups[n++] = FeatureGroup.Lexical; // Low
    groups[n++] = FeatureGroup.Lexical; // Raw
    const affixes = this.hashAffixes(i);
    let orthographic = 2; // Shape, LengthShape
    for (const affix of affixes) if (affix !== 0) orthographic++;
    n = fill(groups, n, orthographic, FeatureGroup.Orthographic);
    n = fill(groups, n, 2 * CLUSTER_LEVELS, FeatureGroup.Distributional); // Cluster, Embedding
    if (!withContext) return n - at;
    n = fill(groups, n, NEIGHBOURS, FeatureGroup.Lexical); // LowPrev, LowNext, LowPrev2, LowNext2
    n = fill(groups, n, 2, FeatureGroup.Lexical); // BigramPrev, BigramNext
    n = fill(groups, n, 2, FeatureGroup.Orthographic); // Shape3, PositionShape
    groups[n++] = FeatureGroup.Lexical; // PositionLow
    if (this.tableRow[i]) {
      groups[n++] = FeatureGroup.Orthographic; // TableShape
      groups[n++] = FeatureGroup.Lexical; // TableLow
    }
    n = fill(groups, n, 2 * NEIGHBOURS * CLUSTER_LEVELS, FeatureGroup.Distributional); // ClusterPrev/Next(2), EmbeddingPrev/Next(2)
    if (this.lowerSeen[i]) groups[n++] = FeatureGroup.Kept; // LowerInDocument
    let gazetteer = this.gazetteer[i] ?? 0;
    for (; gazetteer !== 0; gazetteer >>>= 1) if (gazetteer & 1) n = fill(groups, n, 2, FeatureGroup.Gazetteer); // Gazetteer, GazetteerCased
    return n - at;
  }

  /**
   * The token `neighbour` stands for around token `i` within its sentence, or {@link NO_NEIGHBOUR} past the
   * sentence's start or end.
   *
   * @example
   * context.neighbourOf(5, Neighbour.Next); // 6, or NO_NEIGHBOUR when token 5 ends its sentence
   */
  neighbourOf(i: number, neighbour: Neighbour): number {
    switch (neighbour) {
      case Neighbour.Previous:
        return (this.position[i] ?? 0) & POSITION_SENTENCE_START ? NO_NEIGHBOUR : i - 1;
      case Neighbour.Next:
        return this.last[i] === 0 ? i + 1 : NO_NEIGHBOUR;
      case Neighbour.SecondPrevious:
        return (this.position[i] ?? 0) & POSITION_SENTENCE_START || (this.position[i - 1] ?? 0) & POSITION_SENTENCE_START ? NO_NEIGHBOUR : i - 2;
      default:
        return this.last[i] === 0 && this.last[i + 1] === 0 ? i + 2 : NO_NEIGHBOUR;
    }
  }

  /** 1 when token `i` starts with a capital (the gazetteer's features tell cased matches apart). */
  cased(i: number): number {
    return (this.kinds[i] ?? 0) & TokenKind.FirstUpper ? 1 : 0;
  }

  private lowerSeenKey(i: number): number {
    return finish(mix(mix(SEEDS[T.LowerInDocument] ?? 0, this.position[i] ?? 0), this.shape[i] ?? 0));
  }

  /** Writes the keys of the second-pass document features of token `i`; returns how many were written. */
  documentFeatures(i: number, out: Int32Array, at: number): number {
    const type = this.documentType[i] ?? 0;
    if (type === 0) return 0;
    out[at] = documentKey(type);
    out[at + 1] = documentPositionKey(type, this.position[i] ?? 0);
    return 2;
  }
}

/**
 * The words around a token that give it features of their own, each a function of that word's lower-case hash
 * alone (its clusters are looked up from it), or of the sentence's boundary where there is no such word. Each `Next`
 * value comes right after its `Previous` (`side + 1` in the feature code relies on it).
 *
 * @example
 * neighbourFeatures(Neighbour.Previous, lowHash, clusters.lookup(lowHash), keys, 0); // LowPrev and the ClusterPrev levels
 */
export const enum Neighbour {
  Previous = 0,
  Next = 1,
  SecondPrevious = 2,
  SecondNext = 3,
}

/**
 * Number of {@link Neighbour} values.
 *
 * @example
 * for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) context.neighbourOf(i, neighbour);
 */
export const NEIGHBOURS = 4;

/**
 * What {@link FeatureContext.neighbourOf} gives past the sentence's start or end.
 *
 * @example
 * context.neighbourOf(0, Neighbour.Previous) === NO_NEIGHBOUR; // true
 */
export const NO_NEIGHBOUR = -1;

const NEIGHBOUR_LOW_SEEDS = [T.LowPrev, T.LowNext, T.LowPrev2, T.LowNext2];
/**
 * Every neighbour's word clusters and GloVe clusters are features, not only the adjacent words': the word two away
 * that decides a type is often rare in CoNLL ("the village of Divar", "the band Linkin Park"), so its identity's
 * weights were learned from few examples and its clusters generalise (ner29b in docs/entities.md: wikigold and GUM
 * news up on the tuning and the confirmation shuffles).
 */
const NEIGHBOUR_CLUSTER_SEEDS = [T.ClusterPrev, T.ClusterNext, T.ClusterPrev2, T.ClusterNext2];
const NEIGHBOUR_EMBEDDING_SEEDS = [T.EmbeddingPrev, T.EmbeddingNext, T.EmbeddingPrev2, T.EmbeddingNext2];

function neighbourLowKey(neighbour: Neighbour, low: number): number {
  return finish(mix(SEEDS[NEIGHBOUR_LOW_SEEDS[neighbour] ?? 0] ?? 0, low));
}

/** The key of a neighbour's cluster at `level`, for one cluster source (`seeds`: its previous and next templates). */
function neighbourLevelKey(seeds: readonly T[], neighbour: Neighbour, level: number, cluster: number): number {
  return finish(mix(SEEDS[(seeds[neighbour] ?? 0) + level] ?? 0, cluster));
}

/** Writes the keys of every level of a word's packed clusters of one source (`template` its first level's); returns how many. */
function levelKeys(template: T, packed: number, out: Int32Array, at: number): number {
  for (let level = 0; level < CLUSTER_LEVELS; level++) out[at + level] = finish(mix(SEEDS[template + level] ?? 0, clusterAt(packed, level)));
  return CLUSTER_LEVELS;
}

/**
 * Writes the keys of every level of the previous and next words' packed clusters of one source, level by level
 * (BOUNDARY for a word past the sentence: undefined), `side` the previous one's {@link Neighbour} (the next one's
 * follows it); returns how many.
 */
function neighbourLevelKeys(seeds: readonly T[], side: Neighbour, previous: number | undefined, next: number | undefined, out: Int32Array, at: number): number {
  let n = at;
  for (let level = 0; level < CLUSTER_LEVELS; level++) {
    out[n++] = neighbourLevelKey(seeds, side, level, previous === undefined ? BOUNDARY : clusterAt(previous, level));
    out[n++] = neighbourLevelKey(seeds, side + 1, level, next === undefined ? BOUNDARY : clusterAt(next, level));
  }
  return n - at;
}

/**
 * Writes the keys of the features a token gets from its `neighbour` word: that word's lower-case hash `low`
 * with `clusters` its packed word clusters and `embeddings` its packed clusters of word vectors, or the
 * sentence's boundary when `present` is false. Returns how many were written. The decoder caches their
 * summed weights per word.
 *
 * @example
 * const n = neighbourFeatures(Neighbour.Next, true, context.low[i + 1], context.clustersOf(i + 1), context.embeddingsOf(i + 1), keys, 0);
 */
export function neighbourFeatures(neighbour: Neighbour, present: boolean, low: number, clusters: number, embeddings: number, out: Int32Array, at: number): number {
  let n = at;
  out[n++] = neighbourLowKey(neighbour, present ? low : BOUNDARY);
  for (const [seeds, packed] of [[NEIGHBOUR_CLUSTER_SEEDS, clusters], [NEIGHBOUR_EMBEDDING_SEEDS, embeddings]] as const) {
    for (let level = 0; level < CLUSTER_LEVELS; level++) out[n++] = neighbourLevelKey(seeds, neighbour, level, present ? clusterAt(packed, level) : BOUNDARY);
  }
  return n - at;
}

/**
 * Writes the keys of the features of a gazetteer match bit (`bit` of `FeatureContext.gazetteer[i]`) for a
 * token that starts with a capital or not (`cased` 1 or 0); returns how many were written. Small domains:
 * the decoder tabulates their weights once per model.
 *
 * @example
 * const n = gazetteerFeatures(3, 1, keys, 0); // 2
 */
export function gazetteerFeatures(bit: number, cased: number, out: Int32Array, at: number): number {
  out[at] = finish(mix(SEEDS[T.Gazetteer] ?? 0, bit));
  out[at + 1] = finish(mix(mix(SEEDS[T.GazetteerCased] ?? 0, bit), cased));
  return 2;
}

/**
 * Number of bits of a token's gazetteer matches (`FeatureContext.gazetteer`).
 *
 * @example
 * for (let bit = 0; bit < GAZETTEER_BITS; bit++) gazetteerFeatures(bit, 0, keys, 0);
 */
export const GAZETTEER_BITS = 32;

/**
 * Key of the previous-tag feature. The features with small domains (tags, document evidence, positions)
 * are exposed so that the decoder can tabulate their weights once per model instead of hashing per token.
 *
 * @example
 * weights.add(transitionKey(TAG_START), scores);
 */
export function transitionKey(previous: number): number {
  return finish(mix(SEEDS[T.TagPrev] ?? 0, previous));
}

/**
 * Key of the document-evidence feature (`documentType` 1–5).
 *
 * @example
 * weights.add(documentKey(1), scores);
 */
export function documentKey(type: number): number {
  return finish(mix(SEEDS[T.DocumentType] ?? 0, type));
}

/**
 * Key of the document-evidence feature combined with the token's position code (0–3).
 *
 * @example
 * weights.add(documentPositionKey(1, 2), scores);
 */
export function documentPositionKey(type: number, position: number): number {
  return finish(mix(mix(SEEDS[T.DocumentTypePosition] ?? 0, type), position));
}

/**
 * Number of position codes (sentence start × all-caps line), sizing the decoder's table of
 * document-evidence scores so that it never computes a document key while tagging.
 *
 * @example
 * new Int32Array(DOCUMENT_TYPES * POSITION_CODES * TAG_COUNT).length; // 408: 6 × 4 × 17
 */
export const POSITION_CODES = 4;
/**
 * Number of `documentType` values (0 none, 1–4 types, 5 outside), sizing the same table.
 *
 * @example
 * for (let evidence = 1; evidence < DOCUMENT_TYPES; evidence++) weights.add(documentKey(evidence), scores);
 */
export const DOCUMENT_TYPES = 6;

/**
 * Key of dimension `dimension` of the projected word vector at `position`: a real-valued feature, whose weights
 * are multiplied by the vector's value (`WordVectors`) instead of added once.
 *
 * @example
 * weights.add(vectorKey(VectorPosition.Token, 0), row); // the weights of the first dimension, to scale by the value
 */
export function vectorKey(position: VectorPosition, dimension: number): number {
  return finish(mix(SEEDS[T.Vector + position] ?? 0, dimension));
}

/** A character as affixes hash it: punctuation folded, digits as 0, lower case. */
function affixCode(code: number): number {
  const folded = foldPunctuation(code);
  return charClass(folded) === CharClass.Digit ? ZERO : lowerCode(folded);
}

/** Writes `group` to `count` entries of `groups` from `at`; returns the index after them. */
function fill(groups: Uint8Array, at: number, count: number, group: FeatureGroup): number {
  groups.fill(group, at, at + count);
  return at + count;
}

function nextPowerOfTwo(value: number): number {
  let size = 1;
  while (size < value) size *= 2;
  return size;
}
