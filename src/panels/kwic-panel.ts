import { KWIC_ARTICLES, KWIC_FIRST_DRAW_MS, KWIC_PAGE, KwicReading, KwicSort, MentionAnalyzer, entityMatcher, formMatcher, kwicPage, kwicSearchSyntax, kwicTable, withinDates } from '../core/panels/kwic';
import { countOf } from '../core/display-text';
import { panelTitle } from '../core/panels/panel-title';
import { DayBounds, openRangeFilter } from '../core/panels/periods';
import { tokenize } from '../core/search/tokenize';
import { SYSTEM_TIMERS, Timers } from '../core/timers';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** What is looked for: an entity (all its spellings) or a word or phrase. */
export type KwicTarget = { readonly kind: 'entity'; readonly key: string } | { readonly kind: 'words'; readonly text: string };

/**
 * What the Keyword in Context panel keeps: the target, the order, the date filter, the page, and how many of the
 * target's articles to read (default {@link KWIC_ARTICLES}; the order and filter apply to their occurrences).
 */
export interface KwicState {
  readonly target?: KwicTarget;
  readonly sort: KwicSort;
  readonly from?: string;
  readonly to?: string;
  readonly offset: number;
  readonly read?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function targetOf(value: unknown): KwicTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, key, text } = value as Record<string, unknown>;
  if (kind === 'entity' && typeof key === 'string') return { kind, key };
  if (kind === 'words' && typeof text === 'string' && text.trim() !== '') return { kind, text: text.trim() };
  return undefined;
}

function stateOf(value: unknown): KwicState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { target, sort, from, to, offset, read } = value as Record<string, unknown>;
  const state: KwicState = {
    sort: sort === 'left' || sort === 'right' || sort === 'date' ? sort : 'right',
    offset: typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : 0,
  };
  const found = targetOf(target);
  return {
    ...state,
    ...(found ? { target: found } : {}),
    ...(typeof from === 'string' && DAY.test(from) ? { from } : {}),
    ...(typeof to === 'string' && DAY.test(to) ? { to } : {}),
    ...(typeof read === 'number' && Number.isInteger(read) && read > KWIC_ARTICLES ? { read } : {}),
  };
}

/**
 * How often a reading past its first draw's wait looks again for a first article read (the analysis thread may be
 * busy with a scan): an early draw of nothing would replace the old lines with an empty table.
 */
const FIRST_LINES_POLL_MS = 50;

/** When a Keyword in Context page draws the lines found so far: after `firstDrawMs` of reading, on `timers`. */
export interface KwicTiming {
  readonly firstDrawMs?: number;
  readonly timers?: Timers;
}

/** Articles whose analysis the panel keeps for the next reading of an entity: a few steps of "Read more". */
const KEPT_ANALYSES = 5 * KWIC_ARTICLES;

/** The period a state asks for, or undefined when its From date is after its To date (no day: the page says so). */
function datesOf({ from, to }: KwicState): DayBounds | undefined {
  // Both are YYYY-MM-DD, so their text compares as the days do.
  return from !== undefined && to !== undefined && from > to ? undefined : { from, to };
}

/**
 * The Keyword in Context panel: every occurrence of a word or phrase, or every mention of an entity, aligned, sorted,
 * filtered by date, paged. It reads the target's articles {@link KWIC_ARTICLES} at a time (an entity's newest first, a
 * word's best matches first) and more on request, keeping what it read for that target until the index changes. An
 * entity's mentions are the recogniser's in each article (`analyze`, found ahead in `prepare`), so that they are the
 * ones its counts are of, and not every spelling's occurrences ("Trump" in "Melania Trump" is not Donald Trump's).
 * `articleIdOf` names the article of a search hit (an index path) as the corpus does. A reading that takes longer than
 * `timing.firstDrawMs` draws the lines found so far, once it has any, marked as still reading, then all of them.
 */
export function kwicPanel(sources: PanelSources, articleIdOf: (indexPath: string) => string, analyze: MentionAnalyzer, timing: KwicTiming = {}): PanelKind<KwicState> {
  const { firstDrawMs = KWIC_FIRST_DRAW_MS, timers = SYSTEM_TIMERS } = timing;
  const { entities, search } = sources.deps;
  /**
   * The analyses of the articles read last, by id, with the text analysed: the index changes every few hundred ms
   * during a scan, and each change reads the target again, mostly the same texts.
   */
  const analyses = new Map<string, { readonly text: string; readonly entities: ReturnType<MentionAnalyzer> }>();
  const analyzeKept: MentionAnalyzer = (text, id) => {
    const known = analyses.get(id);
    if (known?.text === text) return known.entities;
    const found = { text, entities: analyze(text, id) };
    // A failed analysis is asked again next time, not kept.
    void found.entities.catch(() => analyses.get(id) === found && analyses.delete(id));
    analyses.delete(id);
    analyses.set(id, found);
    for (const oldest of analyses.keys()) {
      if (analyses.size <= KEPT_ANALYSES) break;
      analyses.delete(oldest);
    }
    return found.entities;
  };
  /**
   * What was read of the last target: `read` articles asked for, `matching` it has in all, `done` once they are read,
   * `pending` readings not finished.
   */
  let cached: { key: string; reading: KwicReading; read: number; matching: number; done: Promise<void>; pending: number } | undefined;
  /**
   * The first `read` articles of the target within the dates (inclusive), newest or best first, with how many
   * articles it has there in all: the dates choose the articles read, so that a period holds its own occurrences.
   */
  const articlesOf = (target: KwicTarget, read: number, dates: DayBounds): { refs: readonly { id: string; title: string; date?: string | undefined }[]; matching: number } => {
    if (target.kind === 'entity') {
      if (dates.from === undefined && dates.to === undefined) return { refs: entities.articles(target.key, read), matching: entities.summary(target.key)?.articleCount ?? 0 };
      const within = entities.articles(target.key).filter(({ date }) => withinDates(date, dates));
      return { refs: within.slice(0, read), matching: within.length };
    }
    const terms = tokenize(target.text).map(({ term }) => term);
    const words = terms.length === 1 ? (terms[0] ?? '') : `"${terms.join(' ')}"`;
    const response = terms.length === 0 ? undefined : search(`${words} ${openRangeFilter(dates)}`.trim(), { limit: read, fuzzyFallback: false, snippetLength: 0 });
    if (!response?.ok) return { refs: [], matching: 0 };
    return { refs: response.hits.map(({ path, title, date }) => ({ id: articleIdOf(path), title, date })), matching: response.total };
  };
  /** What is read of the target in the dates, until the index or the target changes. */
  const readingOf = (target: KwicTarget, dates: DayBounds) => {
    const key = `${sources.generation}:${JSON.stringify(target)}:${dates.from ?? ''}:${dates.to ?? ''}`;
    if (cached?.key === key) return cached;
    cached?.reading.stop();
    const matcher = target.kind === 'words' ? formMatcher([target.text]) : entityMatcher(target.key, analyzeKept);
    return (cached = { key, reading: new KwicReading(matcher), read: 0, matching: 0, done: Promise.resolve(), pending: 0 });
  };
  /** The target as the corpus has it now: an entity renamed or merged since the panel opened goes by its key now. */
  const targetNow = (target: KwicTarget | undefined): KwicTarget | undefined => (target?.kind === 'entity' ? { kind: 'entity', key: sources.keyNow(target.key) } : target);
  /** What the panel calls its target: the entity's name, or the words, a quoted phrase without its quotes (the page quotes it). */
  const labelOf = (target: KwicTarget): string =>
    target.kind === 'words' ? target.text.replace(/^"([^"]*)"$/, '$1') : (entities.summary(target.key)?.name ?? target.key);
  return {
    viewType: 'newsCorpus.kwic',
    script: 'kwic.js',
    initialState: { sort: 'right', offset: 0 },
    title: ({ target }) => {
      const now = targetNow(target);
      return panelTitle('Keyword in Context', now ? [labelOf(now)] : []);
    },
    stateOf,
    // Reads the articles the state asks for, after any reading under way (the data then pages through what was read).
    prepare: async (state, early) => {
      const dates = datesOf(state);
      const target = targetNow(state.target);
      if (!target || dates === undefined) return;
      const read = state.read ?? KWIC_ARTICLES;
      const found = readingOf(target, dates);
      if (found.read < read) {
        const { refs, matching } = articlesOf(target, read, dates);
        found.read = read;
        found.matching = matching;
        found.pending++;
        found.done = found.done.then(() => found.reading.read(refs, (id) => entities.articleText(id))).finally(() => found.pending--);
      }
      let firstDraw: unknown;
      const drawOnceRead = () => {
        if (found.reading.articles > 0) early();
        else firstDraw = timers.setTimeout(drawOnceRead, FIRST_LINES_POLL_MS);
      };
      firstDraw = timers.setTimeout(drawOnceRead, firstDrawMs);
      try {
        await found.done;
      } finally {
        timers.clearTimeout(firstDraw);
      }
    },
    copy: (state) => {
      const target = targetNow(state.target);
      const dates = datesOf(state);
      if (!target || dates === undefined) return undefined;
      // Every line read so far, in the page's order: the pages shown are slices of it.
      const { lines } = kwicPage(readingOf(target, dates).reading.lines, { sort: state.sort, from: state.from, to: state.to, offset: 0, limit: Number.POSITIVE_INFINITY });
      return lines.length === 0 ? undefined : { text: kwicTable(lines), what: `${countOf(lines.length, 'line')} of “${labelOf(target)}”` };
    },
    data: (state) => {
      const read = state.read ?? KWIC_ARTICLES;
      // The date boxes' bounds: their pickers opened at today's month over a corpus of 1987 (ux38).
      const span = sources.datedSpan();
      const empty = { total: 0, lines: [], articles: 0, matching: 0, read, step: KWIC_ARTICLES, pageSize: KWIC_PAGE, label: '', order: 'newest', ...(span && { span }) };
      const target = targetNow(state.target);
      if (!target) return empty;
      const entity = target.kind === 'entity';
      // An entity's lines are its mentions, as its counts elsewhere say; a word's, its occurrences.
      const named = { ...empty, label: labelOf(target), unit: entity ? 'mention' : 'occurrence' };
      // A From date after the To date leaves no day: said in the reader's own dates, where the page said only "0 occurrences".
      const dates = datesOf(state);
      if (dates === undefined) return { ...named, dateError: `the From date ${state.from ?? ''} is after the To date ${state.to ?? ''}.` };
      // Dates typed past the corpus's (the pickers' bounds do not stop typing): said, where "0 in 0 articles" was (ux38b).
      if (span && ((state.from ?? span.first) > span.last || (state.to ?? span.last) < span.first)) {
        return { ...named, dateError: `the corpus's articles run from ${span.first} to ${span.last}.` };
      }
      const found = readingOf(target, dates);
      const page = kwicPage(found.reading.lines, { sort: state.sort, from: state.from, to: state.to, offset: state.offset, limit: KWIC_PAGE });
      const dated = state.from !== undefined || state.to !== undefined;
      const syntax = target.kind === 'words' ? kwicSearchSyntax(target.text) : undefined;
      const unread = found.reading.unread;
      const reading = found.pending > 0;
      return { ...named, ...page, articles: found.reading.articles, matching: found.matching, order: entity ? 'newest' : 'best', dated, ...(syntax === undefined ? {} : { syntax }), ...(unread > 0 && { unread }), ...(reading && { reading }) };
    },
  };
}
