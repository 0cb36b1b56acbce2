import { DocStore } from './doc-store';
import { MainPostings } from './postings';
import { TermCounter } from './term-counter';

/** Documents processed between two chances for the caller to yield to the event loop. */
const COMPACTION_STEP_DOCS = 2000;

/**
 * Rebuilds the postings from the forward index, dropping removed documents (which renumbers the rest).
 * A generator so the caller decides when to pause: the extension host must never be blocked for long.
 *
 * @example
 * const steps = compactSteps(store, dictionary.size);
 * let step = steps.next();
 * while (!step.done) step = steps.next();
 * const { store: compacted, postings } = step.value;
 */
export function* compactSteps(source: DocStore, termCount: number): Generator<void, { store: DocStore; postings: MainPostings }> {
  const store = source.liveCount === source.count ? source : yield* copyLive(source);
  const counter = new TermCounter(termCount);
  const offsets = new Uint32Array(termCount + 1);
  for (let doc = 0; doc < store.count; doc++) {
    counter.count(store, doc, (term) => {
      offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
    });
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const total = offsets[termCount] ?? 0;
  const docs = new Uint32Array(total);
  const counts = new Uint16Array(total);
  const next = offsets.slice(0, termCount);
  for (let doc = 0; doc < store.count; doc++) {
    counter.count(store, doc, (term, packed) => {
      const at = next[term] ?? 0;
      docs[at] = doc;
      counts[at] = packed;
      next[term] = at + 1;
    });
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  return { store, postings: new MainPostings(offsets, docs, counts) };
}

function* copyLive(source: DocStore): Generator<void, DocStore> {
  const target = new DocStore();
  for (let doc = 0; doc < source.count; doc++) {
    if (!source.isLive(doc)) continue;
    const tokens = source.tokens(doc);
    const text = source.textBytes(doc);
    target.append(source.stored(doc), tokens, 0, tokens.length, text, 0, text.length);
    if (doc % COMPACTION_STEP_DOCS === COMPACTION_STEP_DOCS - 1) yield;
  }
  return target;
}
