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

/**
 * Rebuilds the postings from the forward index, dropping removed documents (which renumbers the rest), and the
 * stored answers of the frequent pairs of words chosen by `pairRule` (see {@link PairAnswers}), counted in the same
 * read of the bodies. A generator so the caller decides when to pause: the extension host must never be blocked for long.
 * `beforeAllocating` is called once the postings are counted, right before their arrays are made: the caller
 * may let go of the postings it had, so that old and new are never held together. `articlesWithTerm`, when given,
 * is how many live articles hold each term (see {@link TermArticleCounts}): the postings' sizes, which the
 * compaction otherwise counts in a first read of every article's ids.
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
): Generator<void, { store: DocStore; postings: MainPostings; pairs: PairAnswers }> {
  // Loaded articles' entity fields come from the saved postings: made whole in slices, not at the first read.
  yield* source.wholeFieldSteps();
  const store = source.liveCount === source.count ? source : yield* copyLive(source);
  const counter = new TermCounter(termCount);
  const offsets = new Uint32Array(termCount + 1);
  if (articlesWithTerm === undefined) {
    for (let doc = 0; doc < store.count; doc++) {
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
  yield* prefault(docs, counts);
  const next = offsets.slice(0, termCount);
  const pairCounter = new PairCounter((term) => (offsets[term + 1] ?? 0) - (offsets[term] ?? 0), termCount, store.count, pairRule);
  for (let doc = 0; doc < store.count; doc++) {
    const ids = counter.count(store, doc, (term, packed) => {
      const at = next[term] ?? 0;
      docs[at] = doc;
      counts[at] = packed;
      next[term] = at + 1;
    });
    pairCounter.countDoc(doc, ids.subarray(0, store.bodyLen.array[doc] ?? 0));
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  store.forgetWholeFields();
  const postings = new MainPostings(offsets, docs, counts);
  const chosen = yield* pairCounter.chosenSteps();
  return { store, postings, pairs: yield* PairAnswers.makeSteps(postings, chosen) };
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

/** Writes every page of the new postings arrays in slices, so that no later step pays for page faults in bulk. */
function* prefault(docs: Uint32Array, counts: Uint16Array): Generator<void, void> {
  for (let from = 0; from < docs.length; from += PREFAULT_ENTRIES) {
    const to = Math.min(docs.length, from + PREFAULT_ENTRIES);
    docs.fill(0, from, to);
    counts.fill(0, from, to);
    yield;
  }
}
