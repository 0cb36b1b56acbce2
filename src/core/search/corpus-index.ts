import { docFormCounter } from '../curation/split-forms';
import { AddedIndexRecount } from '../curation/added-recount';
import { SearchCorrections, addedRecountOf } from '../curation/corrected-search';
import { EntityType } from '../entities/types';
import { AnalyzedBatch, entityTerm } from './analyzed-batch';
import { ArticleForms } from './article-forms';
import { ArticleRoles } from './article-roles';
import { CompactedPart, compactSteps } from './compaction';
import { dayString } from './date-values';
import { Deferred } from './deferred';
import { DocStore } from './doc-store';
import { CompanionSource, EntityCompanions } from './entity-companions';
import { EntityListRequest, EntityPage, EntitySummary, compareEntities, matchesEntityFilter, selectFirst } from './entity-listing';
import { EntityMonths, monthName, monthOfDay } from './entity-months';
import { EntityStats } from './entity-stats';
import { ENTITY_TYPES, EntityInfo, EntityTable } from './entity-table';
import { Scratch, evaluate, forEachMatch } from './evaluate';
import { Growable } from './growable';
import { lowerBound } from '../lower-bound';
import { MatchesPerDay } from './matches-per-day';
import { PairAnswers } from './pair-answers';
import { DEFAULT_PAIR_RULE, PairRule } from './pair-counter';
import { DeltaPostings, MainPostings, PostingList } from './postings';
import { ParsedQuery } from './query';
import { parseQuery } from './query-parser';
import { PlanContext, planQuery } from './query-plan';
import { rewriteFuzzy } from './query-rewrite';
import { Scorer } from './scoring';
import { DEFAULT_SNIPPET_LENGTH, Snippet, buildSnippet, highlightIds, snippetOfWords, tokenHits } from './snippet';
import { TermArticleCounts } from './term-article-counts';
import { TermCounter } from './term-counter';
import { TermDictionary } from './term-dictionary';
import { DEFAULT_SLICE_MS, runAtOnce, runInSlices } from './time-slices';
import { foldCase, normalizeTerm } from './tokenize';
import { ResultOrder, TieBreak } from './top-k';

/**
 * Results returned when the caller does not say.
 *
 * @example
 * index.search('rates'); // the same as index.search('rates', { limit: DEFAULT_LIMIT })
 */
export const DEFAULT_LIMIT = 20;
/** Where `term` is among the `count` ascending terms of `terms`, or −1. */
function placeOf(terms: Uint32Array, count: number, term: number): number {
  const place = lowerBound(count, (i) => (terms[i] ?? 0) < term);
  return place < count && terms[place] === term ? place : -1;
}

/** The snippet of a hit when none was asked for (`snippetLength: 0`). */
const NO_SNIPPET: Snippet = { text: '', start: 0, end: 0, matches: [] };
/** Articles of an entity, most recent first, that {@link CorpusIndex.companions} looks at. */
const DEFAULT_COMPANION_ARTICLES = 300;
/** Among companions sharing as many articles, people, places and organizations (1) before other names (0). */
const namedFirst = (type: EntityType | undefined): number => (type === 'MISC' ? 0 : 1);
/**
 * Entities of at least this many articles have their mentions per month kept (counted once, then kept in step
 * with each added or removed article): counting them from the postings grew a hover card with the entity's size.
 */
const KEPT_MONTHS_ARTICLES = 1000;
/** Postings counted between two chances to pause while the kept timelines are counted. */
const MONTHS_STEP_POSTINGS = 50_000;
/**
 * Entities of at least this many articles ({@link DEFAULT_COMPANION_ARTICLES}: those whose count reads the most
 * articles it ever reads) have their companions counted when the index is prepared, and kept until an article naming
 * them changes: counting them was most of the first hover card of a large entity (~1 ms each at 100,000 articles).
 * Smaller entities are counted at their first card, over fewer articles. At the benchmark's 100,000 articles, counting
 * ahead the 9,884 entities of at least 100 articles added 2.4–2.7 s of CPU to a reopen's background work; these
 * 1,901 add 0.7–1.1 s.
 */
const KEPT_COMPANIONS_ARTICLES = DEFAULT_COMPANION_ARTICLES;
/** Companion candidates counted ahead for each: a card's 5, asked twice over by the user's corrections, twice over by the index (5 × 2 × 2). */
const KEPT_COMPANION_CANDIDATES = 20;
/** Articles read between two chances to pause while the kept companions are counted. */
const COMPANIONS_STEP_ARTICLES = 2000;
/** Compaction is due when postings added since the last one exceed this share of the main postings… */
const DELTA_SHARE = 0.1;
/** …or this many, whichever is larger (small corpora compact rarely). */
const MIN_DELTA_POSTINGS = 200_000;
/** …or when this share of document ids belongs to removed articles. */
const REMOVED_SHARE = 0.2;

/**
 * How to run a query.
 *
 * @example
 * index.search('oil', { limit: 5, tieBreak: 'oldest' });
 * index.search('oil', { order: 'date' }); // newest first, however well each matches
 */
export interface SearchOptions {
  /** Most hits returned (default {@link DEFAULT_LIMIT}). */
  readonly limit?: number;
  /** Order of equally scored articles: newest first by default; with `order: 'date'`, the order of all. */
  readonly tieBreak?: TieBreak;
  /** By relevance (default) or by date alone, in the {@link tieBreak}'s direction. */
  readonly order?: ResultOrder;
  /** Retry plain words as fuzzy when nothing matches (default true). */
  readonly fuzzyFallback?: boolean;
  /** Snippet length in characters (default {@link DEFAULT_SNIPPET_LENGTH}); 0 for none, when only the articles matter (their text is then not read). */
  readonly snippetLength?: number;
  /** The user's entity corrections, applied to entity filters. */
  readonly corrections?: SearchCorrections;
}

/**
 * One result: the article, its date, its score and a snippet with match offsets into its text.
 *
 * @example
 * const hit: SearchHit = { path: 'a.txt', title: 'Kim met Putin.', date: '2023-09-13', score: 1.15,
 *   snippet: { text: 'Kim met Putin.', start: 17, end: 31, matches: [{ start: 25, end: 30 }] } };
 */
export interface SearchHit {
  readonly path: string;
  readonly title: string;
  readonly date?: string;
  readonly score: number;
  readonly snippet: Snippet;
}

/**
 * The answer to a query, or why the query could not be run; `tookMs` is measured inside the index.
 * `fuzzy` says the hits come from retrying the words as fuzzy because nothing matched exactly (never when that
 * retry found nothing either); `partial`,
 * that the index is still being built and the answer covers `indexed` of `total` files.
 *
 * @example
 * const response = index.search('putin');
 * if (response.ok) console.log(response.total, response.hits[0]?.snippet.text);
 * else console.log(response.error);
 */
export type SearchResponse =
  | { readonly ok: true; readonly hits: readonly SearchHit[]; readonly total: number; readonly fuzzy: boolean; readonly tookMs: number; readonly partial?: { readonly indexed: number; readonly total: number } }
  | { readonly ok: false; readonly error: string; readonly offset: number; readonly tookMs: number };

/**
 * What lists and trees show of an indexed article.
 *
 * @example
 * const summary: ArticleSummary = { path: '/news/a.txt', title: 'Kim arrives', date: '2023-09-13' };
 */
export interface ArticleSummary {
  readonly path: string;
  readonly title: string;
  readonly date?: string;
}

/**
 * The entity table of a saved index, and the per-entity figures saved with it (undefined when some were missing).
 *
 * @example
 * const { table, stats } = runAtOnce(decodeEntitySection(bytes, count, termCount));
 */
export interface SavedEntities {
  readonly table: EntityTable;
  readonly stats: EntityStats | undefined;
  /** The roles each article says, when the file saved them (see {@link ArticleRoles}). */
  readonly roles?: ArticleRoles | undefined;
  /** The full forms each article writes its entities in, when the file saved them (see {@link ArticleForms}). */
  readonly forms?: ArticleForms | undefined;
}

/**
 * The state of an index, as saved and loaded. A reopened index may take its entity table still to be decoded
 * (see {@link Deferred}): in the background ({@link CorpusIndex.prepare}), or at once when first needed.
 *
 * @example
 * const loaded = decodeIndex(bytes, { root: '/news', extractor: 'none' });
 * const index = new CorpusIndex(loaded.ok ? loaded.parts : undefined);
 */
export interface IndexParts {
  readonly dictionary: TermDictionary;
  readonly store: DocStore;
  readonly postings: MainPostings;
  /** The stored answers of frequent pairs of words, made with `postings` (see {@link PairAnswers}). */
  readonly pairs?: PairAnswers;
  readonly entities: EntityTable | Deferred<SavedEntities>;
  /** The per-entity figures, saved so that a reopen need not count them again; counted when absent. */
  readonly entityStats?: EntityStats;
  /** The roles each article says of its entities; with a deferred table, they come with it. Absent: not known. */
  readonly roles?: ArticleRoles;
  /** The full forms each article writes its entities in; with a deferred table, they come with it. Absent: not known. */
  readonly forms?: ArticleForms;
}

/**
 * An article that mentions an entity, with how often.
 *
 * @example
 * const mention: EntityArticle = { path: '/news/a.txt', title: 'Kim arrives', date: '2023-09-13', mentions: 4 };
 */
export interface EntityArticle extends ArticleSummary {
  readonly mentions: number;
}

/** An entity of one article with its number of mentions. */
interface ArticleEntityCount {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: number;
}

/**
 * The corpus index: articles' words (body, title, entity names), dates and entities, searchable with the
 * query language of {@link parseQuery}, updated one article at a time and compacted now and then.
 *
 * @example
 * const builder = new BatchBuilder(() => []);
 * builder.addText({ path: 'a.txt', size: 39, mtimeMs: 0 }, ' date 2023-09-13 Kim Jong-un met Putin.');
 * const index = new CorpusIndex();
 * index.addBatch(builder.finish());
 * index.search('"jong un"'); // { ok: true, total: 1, hits: [{ path: 'a.txt', … }], … }
 */
export class CorpusIndex {
  private readonly dictionary: TermDictionary;
  /** Dictionary ids of a batch vocabulary's terms, by vocabulary: batches of one thread share (and extend) one. */
  private readonly vocabularyIds = new WeakMap<readonly string[], number[]>();
  private store: DocStore;
  private main: MainPostings;
  private delta = new DeltaPostings();
  /** The entity table, or the saved one still to be decoded (see {@link entities}). */
  private entityTable: EntityTable | Deferred<SavedEntities>;
  private readonly counter: TermCounter;
  /** How many articles hold each term, while known exactly: a compaction's postings' sizes without a read of every article. */
  private readonly articleCounts = new TermArticleCounts();
  private readonly scratch = new Scratch();
  /** The companions counted for {@link companions}, kept in step with the articles. */
  private readonly companionCounts = new EntityCompanions();
  /**
   * The roles each article says of its entities, taken back from their counts when it leaves. A reopened index's
   * come with its deferred entity table: read them through {@link articleRoles}, which puts them in place first.
   */
  private roles: ArticleRoles;
  /** The full forms each article writes its entities in, taken back from their counts when it leaves; as {@link roles}, through {@link articleForms}. */
  private forms: ArticleForms;
  /** An article's entity terms, ascending, and its (entity, form, mentions) triples: see {@link recordForms}. */
  private entityTerms = new Uint32Array(64);
  private readonly writtenForms = new Growable(Uint32Array);
  /** Mentions per month of the large entities, for {@link entityTimeline}. */
  private readonly months = new EntityMonths();
  /**
   * One bit per term id, set for entity terms, and the number of entities it was made for: {@link companions}
   * tells entities from the words of their names with it, a few hundred KB that stay in the CPU's cache, where
   * a figure per term (4 bytes each) made most of its reads miss.
   */
  private entityBits = { bits: new Uint8Array(0), entities: 0 };
  /** Per-entity figures; undefined until first needed after a load or a compaction, which renumber documents. */
  private stats: EntityStats | undefined;
  private pending = 0;
  private compacting = false;
  /**
   * How many of the store's first articles the main postings were made from by this index's last compaction (0 when
   * they were loaded or none ran): the next compaction copies their lists instead of reading them again (see
   * {@link CompactedPart}), unless an article was removed or replaced since or it releases the postings.
   */
  private compactedDocs = 0;

  /** `pairRule`: which pairs of words each compaction stores the answers of (see {@link PairCounter}). */
  constructor(
    parts?: IndexParts,
    private readonly pairRule: PairRule = DEFAULT_PAIR_RULE,
  ) {
    this.dictionary = parts?.dictionary ?? new TermDictionary();
    this.store = parts?.store ?? new DocStore();
    this.store.useStoredPairs(parts?.pairs);
    this.main = parts?.postings ?? MainPostings.empty();
    this.entityTable = parts?.entities ?? new EntityTable();
    this.stats = parts?.entityStats;
    this.roles = parts?.roles ?? new ArticleRoles();
    this.forms = parts?.forms ?? new ArticleForms();
    this.counter = new TermCounter(this.dictionary.size);
    // A loaded index's articles were not counted here.
    if (parts !== undefined) this.articleCounts.forget();
  }

  /** The entity table, decoded now if the load left it for later. */
  private get entities(): EntityTable {
    this.completeLoad();
    return this.entityTable as EntityTable;
  }

  /** Takes the saved entity table and its figures, decoding them now if the background has not yet. */
  private completeLoad(): void {
    if (!(this.entityTable instanceof Deferred)) return;
    const { table, stats, roles, forms } = this.entityTable.value();
    this.entityTable = table;
    this.stats ??= stats;
    // Nothing was recorded meanwhile: every record goes through articleRoles or articleForms, which come here first.
    if (roles) this.roles = roles;
    if (forms) this.forms = forms;
  }

  /** The articles' role records, the saved ones put in place first if the load left them for later. */
  private get articleRoles(): ArticleRoles {
    this.completeLoad();
    return this.roles;
  }

  /** The articles' records of forms, the saved ones put in place first if the load left them for later. */
  private get articleForms(): ArticleForms {
    this.completeLoad();
    return this.forms;
  }

  /**
   * Decodes what a load left for later, pausing every few ms: the entity table, then the loaded articles' entity
   * fields (made from the postings).
   */
  private *loadSteps(): Generator<void, void> {
    if (this.entityTable instanceof Deferred) yield* this.entityTable.steps();
    this.completeLoad();
    yield* this.store.entityFieldSteps();
  }

  /** Number of articles in the index. */
  get articleCount(): number {
    return this.store.liveCount;
  }

  /** Number of distinct words and entity terms ever seen. */
  get termCount(): number {
    return this.dictionary.size;
  }

  /** Number of distinct entities ever seen. */
  get entityCount(): number {
    return this.entities.size;
  }

  /** Whether added, changed or removed articles have piled up enough to make {@link compact} worth it. */
  get needsCompaction(): boolean {
    if (this.pending > 0) return true;
    const removed = this.store.count - this.store.liveCount;
    return this.delta.size > Math.max(MIN_DELTA_POSTINGS, DELTA_SHARE * this.main.docs.length) || removed > REMOVED_SHARE * this.store.count;
  }

  /** Whether nothing is pending, removed or in delta postings: {@link compact} would change nothing. */
  get isCompact(): boolean {
    return this.pending === 0 && this.delta.size === 0 && this.store.liveCount === this.store.count;
  }

  /** Paths of the indexed articles. */
  paths(): IterableIterator<string> {
    return this.store.livePaths();
  }

  /** The title and date of the article at `path`, without decoding its text. */
  summary(path: string): ArticleSummary | undefined {
    const doc = this.store.docOf(path);
    return doc === undefined ? undefined : this.articleSummary(doc);
  }

  /**
   * The title and date of every indexed article, e.g. to list them by date, in the order they were indexed. By
   * document id, without a look-up by path: a reopen lists 100,000 of them before the views show anything.
   */
  *summaries(): IterableIterator<ArticleSummary> {
    for (let doc = 0; doc < this.store.count; doc++) if (this.store.isLive(doc)) yield this.articleSummary(doc);
  }

  private articleSummary(doc: number): ArticleSummary {
    const path = this.store.paths[doc] ?? '';
    const title = this.store.titles[doc] ?? '';
    const date = dayString(this.store.day.array[doc] ?? 0);
    return date === undefined ? { path, title } : { path, title, date };
  }

  /** The file size and modification time the article at `path` had when indexed. */
  stamp(path: string): { size: number; mtimeMs: number } | undefined {
    const doc = this.store.docOf(path);
    return doc === undefined ? undefined : { size: this.store.size.array[doc] ?? 0, mtimeMs: this.store.mtime.array[doc] ?? 0 };
  }

  /**
   * How many articles hold `word` (normalised as the index normalises words), from its postings' sizes without
   * decoding them; articles removed since the last compaction still count.
   */
  articleCountOf(word: string): number {
    const term = this.dictionary.id(normalizeTerm(word));
    return term === undefined ? 0 : this.main.size(term) + (this.delta.list(term)?.end ?? 0);
  }

  /**
   * The pairs of words whose phrase check the index has stored (see `PairAnswers`): a phrase of such a pair reads no
   * article's body, but runs code of its own.
   *
   * @example
   * index.storedPairs(); // [['interest', 'rates'], ['crude', 'oil'], …] at 100,000 real-length articles
   */
  storedPairs(): (readonly [string, string])[] {
    const pairs = this.store.storedPairs;
    if (pairs === undefined) return [];
    return Array.from(pairs.pairs(), ([first, second]) => [this.dictionary.term(first), this.dictionary.term(second)] as const);
  }

  /** The indexed title, date and text of the article at `path`. */
  article(path: string): { title: string; date?: string; text: string } | undefined {
    const doc = this.store.docOf(path);
    if (doc === undefined) return undefined;
    const date = dayString(this.store.day.array[doc] ?? 0);
    const found = { title: this.store.titles[doc] ?? '', text: this.store.text(doc) };
    return date === undefined ? found : { ...found, date };
  }

  /**
   * Adds (or replaces, by path) the articles of a batch. With `defer`, their postings are only built by the
   * next {@link compact} — the fast path of a full build; until then they are not searchable.
   */
  addBatch(batch: AnalyzedBatch, options: { defer?: boolean } = {}): number {
    this.assertNotCompacting();
    this.completeLoad();
    const ids = this.termIdsOf(batch.vocabulary);
    for (const entity of batch.entities) this.entities.register(entity, ids[entity.term] ?? 0);
    const tokens = new Uint32Array(batch.tokens.length);
    let at = 0;
    let roleAt = 0;
    let formAt = 0;
    let textAt = 0;
    const termOf = (batchTerm: number) => ids[batchTerm] ?? 0;
    const formOf = this.formNumbersOf(batch);
    for (const article of batch.articles) {
      const end = at + article.bodyTokens + article.titleTokens + 2 * article.entityPairs;
      for (let i = at; i < article.bodyTokens + article.titleTokens + at; i++) tokens[i] = ids[batch.tokens[i] ?? 0] ?? 0;
      for (let i = at + article.bodyTokens + article.titleTokens; i < end; i += 2) {
        tokens[i] = ids[batch.tokens[i] ?? 0] ?? 0;
        tokens[i + 1] = batch.tokens[i + 1] ?? 0;
      }
      // A replaced article's terms are not at hand to be uncounted.
      if (this.store.docOf(article.path) !== undefined) this.articleCounts.forget();
      const wordsEnd = at + article.bodyTokens + article.titleTokens;
      this.articleCounts.addArticle(tokens.subarray(at, wordsEnd), tokens.subarray(wordsEnd, end), this.dictionary.size);
      this.uncount(article.path);
      const doc = this.store.append(article, tokens, at, end, batch.text, textAt, textAt + article.textBytes, batch.textDeflated === true ? 'deflated' : 'plain');
      this.articleRoles.record(doc, batch.roles, roleAt, article.rolePairs, termOf, batch.roleTexts);
      this.recordForms(doc, tokens.subarray(wordsEnd, end), batch.forms, formAt, article.formTriples, termOf, formOf);
      if (!options.defer) this.stats?.add(this.store, doc);
      if (options.defer) {
        // Not in the postings until the next compaction, which forgets kept timelines: none is kept meanwhile.
        this.pending++;
        this.months.clear();
      } else {
        this.months.count(this.store, doc, 1);
        if (this.companionCounts.size > 0) this.companionCounts.forget(this.store.entityField(doc));
        this.counter.ensure(this.dictionary.size);
        this.counter.count(this.store, doc, (term, packed) => this.delta.add(term, doc, packed));
      }
      at = end;
      roleAt += article.rolePairs;
      formAt += article.formTriples;
      textAt += article.textBytes;
    }
    return batch.articles.length;
  }

  /** Removes the article at `path`; returns whether it was indexed. */
  remove(path: string): boolean {
    this.assertNotCompacting();
    this.completeLoad();
    this.uncount(path);
    const removed = this.store.remove(path);
    if (removed) this.articleCounts.forget();
    return removed;
  }

  /**
   * Rebuilds the postings from the stored tokens, dropping removed articles and indexing deferred ones.
   * Works in slices of about `sliceMs` ms so the thread stays responsive; searches keep
   * working on the previous state meanwhile, but adds and removes must wait for it to finish.
   * With `releasePostings`, the previous postings are dropped once the new ones are counted, before their arrays
   * are made: searches then find nothing until the compaction ends (its second half), and the memory of both is
   * never held at once (a first build's last compaction: ~80 MB at 100,000 real-length articles). `pairRule`, when
   * given, stands for the index's own for this compaction (see {@link NO_PAIRS}).
   */
  async compact(sliceMs = DEFAULT_SLICE_MS, options: { readonly releasePostings?: boolean; readonly pairRule?: PairRule } = {}): Promise<void> {
    this.assertNotCompacting();
    this.completeLoad();
    this.compacting = true;
    const release = options.releasePostings
      ? () => {
          this.main = MainPostings.empty();
          this.compactedDocs = 0;
          this.delta = new DeltaPostings();
          // The stored pair answers hold the postings they were made with.
          this.store.useStoredPairs(undefined);
        }
      : undefined;
    try {
      // Not when releasing: the kept postings would be held with all of the new ones until collected, at the build's
      // peak of memory (+74 MB, 977 against 903 MB, at 100,000 real-length articles).
      const kept = release === undefined ? this.compactedPart() : undefined;
      const steps = compactSteps(this.store, this.dictionary.size, release, options.pairRule ?? this.pairRule, this.articleCounts.sizes(this.dictionary.size), kept);
      this.install(await runInSlices(steps, sliceMs));
      this.stats = await runInSlices(this.statsSteps(), sliceMs);
    } finally {
      this.compacting = false;
    }
  }

  /** {@link compact} in one go, for command-line tools and tests. */
  compactNow(): void {
    this.assertNotCompacting();
    this.completeLoad();
    this.install(runAtOnce(compactSteps(this.store, this.dictionary.size, undefined, this.pairRule, this.articleCounts.sizes(this.dictionary.size), this.compactedPart())));
  }

  /** The main postings as the next compaction may copy them, if this index made them. */
  private compactedPart(): CompactedPart | undefined {
    return this.compactedDocs === 0 ? undefined : { postings: this.main, docs: this.compactedDocs };
  }

  /**
   * Decodes what a load left for later (the entity table, the entity fields), then builds the prefix/fuzzy term
   * tree, the entity name word index, the entity figures, and the large entities' timelines and companions now, in
   * slices, so that the first query, entity list or hover card does not pay for them. The token ids of articles
   * loaded from a file are not decoded here but when a query first reads them (~30–60 µs an article): decoding all
   * of them was most of a reopen's time. Without `companions`, the large entities' companions are left for a later
   * prepare: after a compaction, counting them all again takes ~1 s at 100,000 articles.
   */
  async prepare(sliceMs = DEFAULT_SLICE_MS, { companions = true }: { readonly companions?: boolean } = {}): Promise<void> {
    await runInSlices(this.loadSteps(), sliceMs);
    await runInSlices(this.dictionary.prepareSteps(), sliceMs);
    await runInSlices(this.entities.wordIndexSteps(), sliceMs);
    this.stats ??= await runInSlices(this.statsSteps(), sliceMs);
    await runInSlices(this.keptMonthsSteps(), sliceMs);
    if (companions) await runInSlices(this.keptCompanionsSteps(), sliceMs);
  }

  /** Runs a query (text in the query language, or already parsed). Never throws on bad queries. */
  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResponse {
    const started = performance.now();
    let parsed: ParsedQuery;
    if (typeof query === 'string') {
      const result = parseQuery(query);
      if (!result.ok) return { ok: false, error: result.error, offset: result.offset, tookMs: performance.now() - started };
      parsed = result.query;
    } else {
      parsed = query;
    }
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const tieBreak = options.tieBreak ?? 'newest';
    const order = options.order ?? 'relevance';
    const context = this.planContext(options.corrections);
    let plan = planQuery(parsed, context);
    let ranked = evaluate(plan.clauses, this.store, this.scratch, limit, tieBreak, order);
    let fuzzy = false;
    if (ranked.total === 0 && options.fuzzyFallback !== false) {
      const retry = rewriteFuzzy(parsed);
      if (retry) {
        plan = planQuery(retry, context);
        ranked = evaluate(plan.clauses, this.store, this.scratch, limit, tieBreak, order);
        fuzzy = ranked.total > 0;
      }
    }
    const snippetLength = options.snippetLength ?? DEFAULT_SNIPPET_LENGTH;
    const ids = highlightIds(plan.highlight, (term) => this.dictionary.id(term));
    const snippetOf = (doc: number): Snippet => {
      if (snippetLength === 0) return NO_SNIPPET;
      const bodyStart = this.store.bodyStart.array[doc] ?? 0;
      // Matches found in the article's term ids: tokenising every hit's whole text cost ~1 ms a hit at 4 KB; a coded
      // text is decoded only around the matches: decoding it whole was ~110 µs an article.
      const { body, words } = this.store.bodyWords(doc);
      if (words !== undefined) return snippetOfWords(words, bodyStart, body, ids, snippetLength);
      const text = this.store.text(doc);
      return buildSnippet(text, bodyStart, plan.highlight, snippetLength, tokenHits(text, bodyStart, body, ids));
    };
    const hits = ranked.top.map(({ doc, score }): SearchHit => {
      const snippet = snippetOf(doc);
      const hit = { path: this.store.paths[doc] ?? '', title: this.store.titles[doc] ?? '', score, snippet };
      const date = dayString(this.store.day.array[doc] ?? 0);
      return date === undefined ? hit : { ...hit, date };
    });
    return { ok: true, hits, total: ranked.total, fuzzy, tookMs: performance.now() - started };
  }

  /**
   * How many articles match `query` on each day, found as {@link search} finds them (without its fuzzy retry)
   * but neither ranked nor made into results: a query's timeline at 100,000 articles took seconds through search.
   * Entity filters follow the user's `corrections`, as in a search.
   */
  matchesPerDay(query: string, corrections?: SearchCorrections): MatchesPerDay {
    const parsed = parseQuery(query);
    if (!parsed.ok) return { ok: false, error: parsed.error, offset: parsed.offset };
    const plan = planQuery(parsed.query, this.planContext(corrections));
    const dayOf = this.store.day.array;
    const perDay = new Map<number, number>();
    const total = forEachMatch(plan.clauses, this.store, this.scratch, (doc) => {
      const day = dayOf[doc] ?? 0;
      if (day !== 0) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    });
    const days = new Map<string, number>();
    for (const [day, count] of perDay) days.set(dayString(day) ?? '', count);
    return { ok: true, total, days };
  }

  /** What the UI shows of the entity `key`: name, aliases, counts, first and last date; undefined if no article mentions it. */
  entitySummary(key: string): EntitySummary | undefined {
    const info = this.entities.get(key);
    return info === undefined ? undefined : this.summaryOf(info);
  }

  /** How many entities of each type at least one article mentions. */
  entityTypeCounts(): Map<EntityType, number> {
    const stats = this.entityStats();
    const counts = new Map<EntityType, number>(ENTITY_TYPES.map((type) => [type, 0]));
    for (const info of this.entities.all()) {
      if (stats.articleCount(info.term) > 0) counts.set(info.type, (counts.get(info.type) ?? 0) + 1);
    }
    return counts;
  }

  /** A page of the entities of one type that articles mention, filtered by name and sorted as asked. */
  listEntities(request: EntityListRequest): EntityPage {
    const stats = this.entityStats();
    const needle = foldCase(request.filter?.trim() ?? '');
    const matches: { info: EntityInfo; identity: string; articles: number; mentions: number }[] = [];
    for (const info of this.entities.all()) {
      if (info.type !== request.type) continue;
      const articles = stats.articleCount(info.term);
      if (articles === 0) continue;
      const identity = info.key.slice(info.key.indexOf(':') + 1);
      if (!matchesEntityFilter(identity, info.aliases, needle)) continue;
      matches.push({ info, identity, articles, mentions: stats.mentionCount(info.term) });
    }
    const page = selectFirst(matches, request.offset + request.limit, compareEntities(request.sort)).slice(request.offset);
    return { total: matches.length, entities: page.map(({ info }) => this.summaryOf(info) as EntitySummary) };
  }

  /**
   * The articles that mention the entity `key`, newest first (undated last, then by title), with their mention
   * counts; only the newest `limit` when given: those alone are named, where an entity can have tens of thousands.
   */
  entityArticles(key: string, limit = Number.POSITIVE_INFINITY): EntityArticle[] {
    const docs: number[] = [];
    const mentions: number[] = [];
    this.forEachEntityPosting(key, (doc, count) => {
      docs.push(doc);
      mentions.push(count);
    });
    const days = this.store.day.array;
    const titles = this.store.titles;
    // The order of newestFirst on days as numbers (dated before undated, as day 0 is), then postings order: what a stable sort of them all gives.
    const newest = (a: number, b: number) =>
      (days[docs[b] ?? 0] ?? 0) - (days[docs[a] ?? 0] ?? 0) || (titles[docs[a] ?? 0] ?? '').localeCompare(titles[docs[b] ?? 0] ?? '') || a - b;
    return selectFirst(docs.map((_, at) => at), limit, newest).map((at) => this.entityArticle(docs[at] ?? 0, mentions[at] ?? 0));
  }

  /** Entities whose name or aliases contain every word of `name` (of `type`, if given). */
  findEntities(name: string, type?: EntityType): EntityInfo[] {
    return this.entities.find(name, type);
  }

  /** Everything the index knows about an entity key. */
  entity(key: string): EntityInfo | undefined {
    return this.entities.get(key);
  }

  /** All entities ever seen (including those whose articles were all removed since the last compaction). */
  allEntities(): IterableIterator<EntityInfo> {
    return this.entities.all();
  }

  /**
   * The roles writers attach to the entity `key`, most articles first, with the number of articles saying each, at
   * most the entity's number of articles: caches saved before articles' roles were taken back when they left hold
   * counts that grew with every save, and articles loaded from them take none back (see {@link uncount}).
   */
  entityRoles(key: string): { role: string; articles: number }[] {
    const info = this.entities.get(key);
    if (info === undefined) return [];
    return this.entities.rolesOf(key, this.entityStats().articleCount(info.term)).map(({ text, count }) => ({ role: text, articles: count }));
  }

  /** Mentions of the entity `key` per month (`YYYY-MM`), from its dated articles, oldest first. */
  entityTimeline(key: string): Map<string, number> {
    const term = this.dictionary.id(entityTerm(key));
    const months = term === undefined ? new Map<number, number>() : (this.months.of(term) ?? this.countMonths(term));
    const timeline = new Map<string, number>();
    for (const month of [...months.keys()].sort((a, b) => a - b)) timeline.set(monthName(month), months.get(month) ?? 0);
    return timeline;
  }

  /**
   * The entities named most often in the same articles as `key`, with the number of shared articles, from
   * its `maxArticles` most recently indexed articles (all of an entity of 20,000 articles would cost a hover ~50 ms).
   * Of those sharing as many articles, people, places and organizations come before other names ("American"), then
   * the ones of more articles in the corpus, then by name: an entity of one article shares one with each of its
   * companions, and by name alone "American (1), Americans (1)" led Dmitry Peskov's, before Kim Jong-un.
   */
  companions(key: string, limit: number, maxArticles = DEFAULT_COMPANION_ARTICLES): { key: string; name: string; type: EntityType; articles: number }[] {
    const info = this.entities.get(key);
    if (info === undefined) return [];
    const stats = this.entityStats();
    // Twice as many candidates as asked, cut with other names last (a kind that never changes, so that the kept
    // counts stay those of a fresh count); the corpus's counts order them after, as they are now.
    const companions = this.companionCounts.best(this.companionSource(info, maxArticles), limit * 2, maxArticles === DEFAULT_COMPANION_ARTICLES).flatMap(({ term, articles }) => {
      const companion = this.entities.byTermId(term);
      return companion ? [{ companion: { key: companion.key, name: companion.name, type: companion.type, articles }, named: namedFirst(companion.type), inCorpus: stats.articleCount(term) }] : [];
    });
    return companions
      .sort((a, b) => b.companion.articles - a.companion.articles || b.named - a.named || b.inCorpus - a.inCorpus || a.companion.name.localeCompare(b.companion.name))
      .slice(0, limit)
      .map(({ companion }) => companion);
  }

  /** What counting the companions of the entity `info` reads: its `maxArticles` most recently indexed articles. */
  private companionSource(info: EntityInfo, maxArticles: number): CompanionSource {
    return {
      own: info.term,
      docs: () => this.latestEntityDocs(info.key, maxArticles),
      fieldLength: (doc) => 2 * (this.store.entityPairs.array[doc] ?? 0),
      entityField: (doc, out) => this.store.entityFieldInto(doc, out),
      isEntity: this.entityTermBits(),
      termCount: this.dictionary.size,
      rank: (term) => namedFirst(this.entities.byTermId(term)?.type),
    };
  }

  /**
   * The articles where names the user added occur, recounted one by one with `corrections`, by path, with their
   * titles and dates (mentions 0: the recount counts them): the very recount entity filters use, worked out once.
   *
   * @example
   * const recount = index.addedRecount(searchCorrections); // the articles naming an added name, corrected one by one
   */
  addedRecount(corrections: SearchCorrections): AddedIndexRecount {
    const byDoc = addedRecountOf(this.planContext(corrections), corrections);
    const pathOf = (doc: number) => this.store.paths[doc] ?? '';
    const articles = new Map([...byDoc.counts.keys()].map((doc) => [pathOf(doc), this.entityArticle(doc, 0)]));
    return {
      recount: {
        counts: new Map([...byDoc.counts].map(([doc, counts]) => [pathOf(doc), counts])),
        involved: new Map([...byDoc.involved].map(([key, docs]) => [key, new Set([...docs].map(pathOf))])),
        displaced: byDoc.displaced,
      },
      articles,
    };
  }

  /** A counter of the written `forms` in an article's words (its path), longest form first: how a split divides an entity's mentions. */
  formCounter(forms: readonly string[]): (path: string) => readonly number[] {
    const count = docFormCounter(this.store, (word) => this.dictionary.id(word), forms);
    return (path) => {
      const doc = this.store.docOf(path);
      return doc === undefined ? forms.map(() => 0) : count(doc);
    };
  }

  private entityArticle(doc: number, mentions: number): EntityArticle {
    const path = this.store.paths[doc] ?? '';
    const title = this.store.titles[doc] ?? '';
    const date = dayString(this.store.day.array[doc] ?? 0);
    return date === undefined ? { path, title, mentions } : { path, title, date, mentions };
  }

  /** The entities of the article at `path`, most mentioned first. */
  entitiesOf(path: string): ArticleEntityCount[] {
    const doc = this.store.docOf(path);
    if (doc === undefined) return [];
    const forward = this.store.entityField(doc);
    const found: (ArticleEntityCount & { term: number })[] = [];
    for (let i = 0; i + 1 < forward.length; i += 2) {
      // By term id, not by the term's text: an export asks this of 10,000 articles.
      const info = this.entities.byTermId(forward[i] ?? 0);
      if (info) found.push({ key: info.key, name: info.name, type: info.type, mentions: forward[i + 1] ?? 0, term: info.term });
    }
    // Ties by term id: a reopened index reads the pairs in that order, a built one in the order they were found.
    return found.sort((a, b) => b.mentions - a.mentions || a.term - b.term).map(({ key, name, type, mentions }) => ({ key, name, type, mentions }));
  }

  /**
   * The index's state for saving; compacts first so nothing pending or removed is written, and lets the articles'
   * records of roles and forms give up the room their growth kept (1.3–3.1 MB after a first build of 100,000 articles).
   */
  parts(): IndexParts {
    this.completeLoad();
    if (!this.isCompact) this.compactNow();
    this.articleRoles.fit();
    this.articleForms.fit();
    const parts = { dictionary: this.dictionary, store: this.store, postings: this.main, entities: this.entities, entityStats: this.entityStats(), roles: this.articleRoles, forms: this.articleForms };
    const pairs = this.store.storedPairs;
    return pairs === undefined ? parts : { ...parts, pairs };
  }

  private summaryOf(info: EntityInfo): EntitySummary | undefined {
    const stats = this.entityStats();
    if (stats.articleCount(info.term) === 0) return undefined;
    if (stats.datesStale(info.term)) this.recountDates(info);
    const figures = stats.figures(info.term);
    const summary = { key: info.key, name: info.name, type: info.type, aliases: info.aliases, articleCount: figures.articles, mentionCount: figures.mentions };
    const firstDate = dayString(figures.firstDay);
    const lastDate = dayString(figures.lastDay);
    return firstDate === undefined || lastDate === undefined ? summary : { ...summary, firstDate, lastDate };
  }

  private recountDates(info: EntityInfo): void {
    let first = 0;
    let last = 0;
    this.forEachEntityPosting(info.key, (doc) => {
      const day = this.store.day.array[doc] ?? 0;
      if (day === 0) return;
      if (first === 0 || day < first) first = day;
      if (day > last) last = day;
    });
    this.entityStats().setDates(info.term, first, last);
  }

  /**
   * The mentions per month number of the entity term `term`, counted from its postings, and kept if the entity
   * is large and nothing is pending (see {@link KEPT_MONTHS_ARTICLES}).
   */
  private countMonths(term: number): Map<number, number> {
    const months = new Map<number, number>();
    const days = this.store.day.array;
    // One loop over the postings without a call per posting.
    for (const { docs, counts, start, end } of this.lists(term)) {
      for (let i = start; i < end; i++) {
        const doc = docs[i] ?? 0;
        const day = days[doc] ?? 0;
        if (day === 0 || !this.store.isLive(doc)) continue;
        const month = monthOfDay(day);
        months.set(month, (months.get(month) ?? 0) + this.store.entityMentions(doc, term, counts[i] ?? 0));
      }
    }
    if (this.pending === 0 && this.entityStats().articleCount(term) >= KEPT_MONTHS_ARTICLES) this.months.keep(term, months);
    return months;
  }

  /** Counts the timelines of the large entities not kept yet, pausing every {@link MONTHS_STEP_POSTINGS} postings. */
  private *keptMonthsSteps(): Generator<void, void> {
    const stats = this.entityStats();
    let counted = 0;
    for (const { term } of this.entities.all()) {
      const articles = stats.articleCount(term);
      if (articles < KEPT_MONTHS_ARTICLES || this.months.of(term) !== undefined) continue;
      this.countMonths(term);
      counted += articles;
      if (counted >= MONTHS_STEP_POSTINGS) {
        counted = 0;
        yield;
      }
    }
  }

  /**
   * Counts and keeps the companions of the entities of at least {@link KEPT_COMPANIONS_ARTICLES} articles not kept
   * yet, pausing every {@link COMPANIONS_STEP_ARTICLES} articles read.
   */
  private *keptCompanionsSteps(): Generator<void, void> {
    const stats = this.entityStats();
    let read = 0;
    for (const info of this.entities.all()) {
      const articles = stats.articleCount(info.term);
      if (articles < KEPT_COMPANIONS_ARTICLES || this.companionCounts.keeps(info.term, KEPT_COMPANION_CANDIDATES)) continue;
      this.companionCounts.best(this.companionSource(info, DEFAULT_COMPANION_ARTICLES), KEPT_COMPANION_CANDIDATES, true);
      read += Math.min(articles, DEFAULT_COMPANION_ARTICLES);
      if (read >= COMPANIONS_STEP_ARTICLES) {
        read = 0;
        yield;
      }
    }
  }

  /** The bits of {@link entityBits}, made again when entities have been added since. */
  private entityTermBits(): Uint8Array {
    if (this.entityBits.entities !== this.entities.size) {
      const bits = new Uint8Array((this.dictionary.size >> 3) + 1);
      for (const { term } of this.entities.all()) bits[term >> 3] = (bits[term >> 3] ?? 0) | (1 << (term & 7));
      this.entityBits = { bits, entities: this.entities.size };
    }
    return this.entityBits.bits;
  }

  private entityStats(): EntityStats {
    this.completeLoad();
    this.stats ??= runAtOnce(this.statsSteps());
    return this.stats;
  }

  private statsSteps(): Generator<void, EntityStats> {
    return EntityStats.buildSteps(this.store, this.dictionary.size, (term) => this.entities.byTermId(term) !== undefined);
  }

  /**
   * Takes the indexed article at `path`, if any, out of the entity figures, role counts and form counts before it is
   * replaced or removed. An article loaded from a cache saved without its roles (see {@link ArticleRoles}), or its
   * forms ({@link ArticleForms}), takes none back: they are not known. Its new version's roles must not stand for
   * them: where it says another role than the old one did, the new role was counted and taken back at once (gone from
   * the card) while the old one stayed. Taking nothing back can only over-count, by one per save of such an article
   * until the cache is rebuilt (the save after records and saves its roles and forms), and {@link entityRoles} shows
   * no role of more articles than its entity's.
   */
  private uncount(path: string): void {
    const doc = this.store.docOf(path);
    if (doc === undefined) return;
    const table = this.entities;
    this.articleRoles.forEachRole(doc, (term, role) => table.uncountRole(term, role));
    // The record first: an article that writes no counted form, or was loaded from a cache saved without forms, hands
    // nothing back, and its entity field (made from the postings for a loaded one) would be read and sorted for nothing.
    if (this.articleForms.writesAny(doc)) {
      const entities = this.entityTermsIn(this.store.entityField(doc));
      const terms = this.entityTerms;
      this.articleForms.forEachForm(doc, entities, (entity, form, mentions) => table.uncountForm(terms[entity] ?? 0, form, mentions));
    }
    this.stats?.remove(this.store, doc);
    this.months.count(this.store, doc, -1);
    if (this.companionCounts.size > 0) this.companionCounts.forget(this.store.entityField(doc));
  }

  /**
   * Puts the entity terms of an entity field's (term, mentions) pairs into {@link entityTerms} from 0, ascending (the
   * order of an article's record of forms); returns how many.
   */
  private entityTermsIn(field: Uint32Array): number {
    const table = this.entities;
    if (this.entityTerms.length < field.length / 2) this.entityTerms = new Uint32Array(field.length);
    const terms = this.entityTerms;
    let count = 0;
    for (let i = 0; i < field.length; i += 2) {
      const term = field[i] ?? 0;
      if (table.byTermId(term) === undefined) continue;
      // Sorted as they come: an article names a few entities, a loaded field in order, a held one in the article's.
      let at = count++;
      for (; at > 0 && (terms[at - 1] ?? 0) > term; at--) terms[at] = terms[at - 1] ?? 0;
      terms[at] = term;
    }
    return count;
  }

  /**
   * The table's number of the form `batch.formTexts[text]` of the entity term `term`, or undefined when the table
   * counts no such form, for the articles of `batch` as {@link addBatch} adds them. Each is looked up once per batch:
   * its articles write the same forms again and again, and a look-up compares strings (it was most of the cost of
   * recording an article's forms). Good for that one call only: the table numbers forms as {@link EntityTable.register}
   * first counts them, at the batch's start, and taking an article's forms back changes their counts, not their numbers.
   */
  private formNumbersOf(batch: AnalyzedBatch): (term: number, text: number) => number | undefined {
    const table = this.entities;
    // Per form text, the entity term last asked and 1 + its form's number (0: none): a text is an entity's, mostly.
    const askedTerms = new Int32Array(batch.formTexts.length).fill(-1);
    const numbers = new Int32Array(batch.formTexts.length);
    return (term, text) => {
      if (askedTerms[text] !== term) {
        askedTerms[text] = term;
        numbers[text] = 1 + (table.formNumber(term, batch.formTexts[text] ?? '') ?? -1);
      }
      const number = numbers[text] ?? 0;
      return number === 0 ? undefined : number - 1;
    };
  }

  /**
   * Records what article `doc` writes its entities in (see {@link ArticleForms}): its `count` (batch entity term, form
   * text, mentions) triples of a batch's `forms` from triple `from`, each entity by its place among the entity terms of
   * its entity field `field` (the index's ids), ascending, each form by the table's number (`formOf`). Made in buffers
   * kept for the next article, and without sorting the field's terms when the article writes no form the table counts.
   */
  private recordForms(doc: number, field: Uint32Array, forms: Uint32Array, from: number, count: number, termOf: (batchTerm: number) => number, formOf: (term: number, text: number) => number | undefined): void {
    const written = this.writtenForms;
    written.clear();
    for (let i = 3 * from; i < 3 * (from + count); i += 3) {
      const term = termOf(forms[i] ?? 0);
      const form = formOf(term, forms[i + 1] ?? 0);
      if (form === undefined) continue;
      written.push(term);
      written.push(form);
      written.push(forms[i + 2] ?? 0);
    }
    if (written.length === 0) {
      this.articleForms.record(doc, 0, written.array, 0);
      return;
    }
    const entities = this.entityTermsIn(field);
    const triples = written.array;
    let kept = 0;
    for (let i = 0; i < written.length; i += 3) {
      const entity = placeOf(this.entityTerms, entities, triples[i] ?? 0);
      if (entity === -1) continue;
      triples[kept++] = entity;
      triples[kept++] = triples[i + 1] ?? 0;
      triples[kept++] = triples[i + 2] ?? 0;
    }
    this.articleForms.record(doc, entities, triples, kept / 3);
  }

  private forEachEntityPosting(key: string, onPosting: (doc: number, mentions: number) => void): void {
    const term = this.dictionary.id(entityTerm(key));
    if (term === undefined) return;
    for (const { docs, counts, start, end } of this.lists(term)) {
      for (let i = start; i < end; i++) {
        const doc = docs[i] ?? 0;
        if (this.store.isLive(doc)) onPosting(doc, this.store.entityMentions(doc, term, counts[i] ?? 0));
      }
    }
  }

  /**
   * The `max` most recently indexed live articles that mention the entity `key` (the last of its postings),
   * read from the end of its lists: an entity of tens of thousands of articles is not walked whole.
   */
  private latestEntityDocs(key: string, max: number): number[] {
    const term = this.dictionary.id(entityTerm(key));
    const latest: number[] = [];
    if (term === undefined) return latest;
    const lists = this.lists(term);
    for (let list = lists.length - 1; list >= 0 && latest.length < max; list--) {
      const { docs, start, end } = lists[list] as PostingList;
      for (let i = end - 1; i >= start && latest.length < max; i--) {
        const doc = docs[i] ?? 0;
        if (this.store.isLive(doc)) latest.push(doc);
      }
    }
    return latest;
  }

  private lists(term: number): PostingList[] {
    const lists: PostingList[] = [];
    const main = this.main.list(term);
    if (main) lists.push(main);
    const delta = this.delta.list(term);
    if (delta) lists.push(delta);
    return lists;
  }

  /** The dictionary ids of `vocabulary`, interning only the terms added since it was last seen. */
  private termIdsOf(vocabulary: readonly string[]): readonly number[] {
    let ids = this.vocabularyIds.get(vocabulary);
    if (ids === undefined) {
      ids = [];
      this.vocabularyIds.set(vocabulary, ids);
    }
    for (let i = ids.length; i < vocabulary.length; i++) ids.push(this.dictionary.intern(vocabulary[i] ?? ''));
    return ids;
  }

  private planContext(corrections?: SearchCorrections): PlanContext {
    const entities = (): EntityTable => this.entities;
    // The entity table only when an entity filter asks for it: a plain search right after a reopen need not wait for it.
    const context = {
      dictionary: this.dictionary,
      get entities() {
        return entities();
      },
      store: this.store,
      scorer: new Scorer(this.store),
      lists: (term: number) => this.lists(term),
    };
    return corrections === undefined ? context : { ...context, corrections };
  }

  private install(compacted: { store: DocStore; postings: MainPostings; pairs: PairAnswers }): void {
    compacted.store.useStoredPairs(compacted.pairs);
    // The compacted store holds the live articles in order (their ids renumbered): so must their records.
    const previous = this.store;
    if (compacted.store !== previous) {
      this.articleRoles.keepLive(previous.count, (doc) => previous.isLive(doc));
      this.articleForms.keepLive(previous.count, (doc) => previous.isLive(doc));
    }
    this.store = compacted.store;
    this.main = compacted.postings;
    this.compactedDocs = compacted.store.count;
    this.delta = new DeltaPostings();
    this.pending = 0;
    this.stats = undefined;
    this.months.clear();
    this.companionCounts.clear();
  }

  private assertNotCompacting(): void {
    if (this.compacting) throw new Error('News Corpus: the index is being compacted; wait for compact() before changing it.');
  }
}
