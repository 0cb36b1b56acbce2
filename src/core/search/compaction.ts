import { DocStore } from './doc-store';
import { PairAnswers } from './pair-answers';
import { DEFAULT_PAIR_RULE, PairCounter, PairRule } from './pair-counter';
import { MainPostings } from './postings';
import { TermCounter } from './term-counter';

/**
 * Documents processed between two chances for the caller to yield to the event loop. Small, because the
 * caller cuts slices by time: a step of 2,000 documents (~10 ms of scattered writes at 100k) could push a
 * 20 ms slice past 30 ms; 500 keeps each step to a few ms, and a yield costs next to nothing.
 */
const COMPACTION_STEP_DOCS = 500;
/**
 * Postings entries first touched per step before the second pass (2 MB of document ids and 1 MB of counts).
 * A fresh typed array is only reserved address space: the first write to each 4 KB page faults it in.
 * Filled by the postings loop, all ~60 MB at 100k were faulted in during its first step (~37 ms measured for
 * 69 MB), the stall that broke the 50 ms target; touching them here in slices spreads that cost.
 */
const PREFAULT_ENTRIES = 1 << 19;
/** Entries of the postings' document ids, and of their counts, in a page of memory (4 KB). */
const DOCS_PER_PAGE = 1024;
const COUNTS_PER_PAGE = 2048;

/**
 * Postings a compaction made of the first `docs` articles of a store, kept for the next compaction of the same store:
 * while no article is removed or replaced, their ids and words do not change, and the next compaction copies each
 * term's list of them instead of reading the articles again (see {@link compactSteps}).
 *
 * @example
 * const kept: CompactedPart = { postings: compacted.postings, docs: compacted.store.count };
 */
export interface CompactedPart {
  readonly postings: MainPostings;
  readonly docs: number;
}

/**
 * Rebuilds the postings from the forward index, dropping removed documents (which renumbers the rest), and the
 * stored answers of the frequent pairs of words chosen by `pairRule` (see {@link PairAnswers}), counted in the same
 * read of the bodies. A generator so the caller decides when to pause: the extension host must never be blocked for long.
 * `beforeAllocating` is called once the postings are counted, right before their arrays are made: the caller
 * may let go of the postings it had, so that old and new are never held together. `articlesWithTerm`, when given,
 * is how many live articles hold each term (see {@link TermArticleCounts}): the postings' sizes, which the
 * compaction otherwise counts in a first read of every article's ids. `compacted`, when given and no article of
 * `source` is removed, is the postings of its first articles: each term's list of them is copied, and those articles
 * are read again only for the pairs of words, when `pairRule` can choose any (a first build's partial compactions
 * then read only the articles added since the previous one).
 *
 * @example
 * const steps = compactSteps(store, dictionary.size);
 * let step = steps.next();
 * while (!step.done) step = steps.next();
 * const { store: compacted, postings, pairs } = step.value;
 */
export function* compactSteps(
  source: DocStore,
  termCount: number,
  beforeAllocating?: () => void,
  pairRule: PairRule = DEFAULT_PAIR_RULE,
  articlesWithTerm?: Uint32Array,
  compacted?: CompactedPart,
): Generator<void, { store: DocStore; postings: MainPostings; pairs: PairAnswers }> {
  // Loaded articles' entity fields come from the saved postings: made whole in slices, not at the first read.
  yield* source.wholeFieldSteps();
  const store = source.liveCount === source.count ? source : yield* copyLive(source);
  // A removal renumbers the articles after it: postings made before are of other ids.
  if (store !== source) compacted = undefined;
  const keptDocs = compacted?.docs ?? 0;
  const counter = new TermCounter(termCount);
  const offsets = new Uint32Array(termCount + 1);
  if (articlesWithTerm === undefined) {
    if (compacted !== undefined) for (let term = 0; term < termCount; term++) offsets[term + 1] = listLength(compacted.postings, term);
    for (let doc = keptDocs; doc < store.count; doc++) {
      counter.count(store, doc, (term) => {
        offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
      });
      if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
    }
  } else offsets.set(articlesWithTerm.subarray(0, termCount), 1);
  for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const total = offsets[termCount] ?? 0;
  beforeAllocating?.();
  const docs = new Uint32Array(total);
  const counts = new Uint16Array(total);
  const next = offsets.slice(0, termCount);
  if (compacted !== undefined) yield* copyKept(compacted.postings, docs, counts, next);
  yield* prefault(docs, counts);
  const pairCounter = new PairCounter((term) => (offsets[term + 1] ?? 0) - (offsets[term] ?? 0), termCount, store.count, pairRule);
  for (let doc = 0; doc < store.count; doc++) {
    if (doc >= keptDocs) {
      const ids = counter.count(store, doc, (term, packed) => {
        const at = next[term] ?? 0;
        docs[at] = doc;
        counts[at] = packed;
        next[term] = at + 1;
      });
      pairCounter.countDoc(doc, ids.subarray(0, store.bodyLen.array[doc] ?? 0));
    } else if (pairCounter.choosesAny) pairCounter.countDoc(doc, store.tokensOnce(doc).subarray(0, store.bodyLen.array[doc] ?? 0));
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  store.forgetWholeFields();
  const postings = new MainPostings(offsets, docs, counts);
  const chosen = yield* pairCounter.chosenSteps();
  return { store, postings, pairs: yield* PairAnswers.makeSteps(postings, chosen) };
}

/** How many postings `postings` holds for `term`. */
function listLength(postings: MainPostings, term: number): number {
  const list = postings.list(term);
  return list === undefined ? 0 : list.end - list.start;
}

/**
 * Copies each term's list of `kept` to where `next` says the term's postings start, moving `next` past them, in
 * steps of about {@link PREFAULT_ENTRIES} entries.
 */
function* copyKept(kept: MainPostings, docs: Uint32Array, counts: Uint16Array, next: Uint32Array): Generator<void, void> {
  let copied = 0;
  for (let term = 0; term < Math.min(kept.termCount, next.length); term++) {
    const list = kept.list(term);
    if (list === undefined) continue;
    const at = next[term] ?? 0;
    docs.set(kept.docs.subarray(list.start, list.end), at);
    counts.set(kept.counts.subarray(list.start, list.end), at);
    next[term] = at + list.end - list.start;
    copied += list.end - list.start;
    if (copied >= PREFAULT_ENTRIES) {
      copied = 0;
      yield;
    }
  }
}

/** The live articles of `source` copied into a new store as it holds them, their ids and texts still coded. */
function* copyLive(source: DocStore): Generator<void, DocStore> {
  const target = new DocStore(source.codec);
  for (let doc = 0; doc < source.count; doc++) {
    if (source.isLive(doc)) target.copyFrom(source, doc);
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  return target;
}

/**
 * Writes every page of the new postings arrays in slices, so that no later step pays for page faults in bulk: one
 * entry a page, written with what it holds (the kept postings may already be there).
 */
function* prefault(docs: Uint32Array, counts: Uint16Array): Generator<void, void> {
  for (let from = 0; from < docs.length; from += PREFAULT_ENTRIES) {
    const to = Math.min(docs.length, from + PREFAULT_ENTRIES);
    for (let at = from; at < to; at += DOCS_PER_PAGE) docs[at] = docs[at] ?? 0;
    for (let at = from; at < to; at += COUNTS_PER_PAGE) counts[at] = counts[at] ?? 0;
    yield;
  }
}
