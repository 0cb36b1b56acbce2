import { deflateRawSync } from 'node:zlib';
import { Article } from '../article';
import { describeSkip, readArticleFile, DEFAULT_MAX_FILE_BYTES, SkipReason } from '../article-file';
import { ArticleEntity } from '../entities/types';
import { articleRoles } from '../entities/roles';
import { AnalyzedArticleMeta, AnalyzedBatch, BatchEntity, EntityExtractor, EntityForm, SkippedArticle, entityTerm } from './analyzed-batch';
import { dayNumber } from './date-values';
import { isFullForm } from './entity-table';
import { Growable } from './growable';
import { NumberedTexts } from './numbered-texts';
import { TermTable } from './term-table';
import { forEachTermId } from './tokenize';

/**
 * Mentions of one entity counted per article; more count as this many (the postings clamp further). The saved
 * index reads an entity's exact count back into 16 bits (`readEntityCounts`); at 255 a long article's mentions were
 * cut, and its entity's total in the corpus came out below its mentions in that one article.
 */
const MAX_FIELD_COUNT = 0xffff;

const INITIAL_TOKEN_CAPACITY = 1 << 16;
/**
 * zlib level of a deflated article's text. On 2,000 real-length articles (3.6 KB), best of 4 rounds: level 1 kept
 * 53.0 % of the bytes in 61 µs an article, level 3 52.5 % in 64 µs, level 6 (zlib's default) 51.8 % in 74 µs: a
 * point of the text's size is not worth a fifth more of the indexing threads' time spent deflating.
 */
const TEXT_DEFLATE_LEVEL = 1;
/** Stands for the roles of an article without entities, where mining them would find nothing. */
const NO_ROLES: ReadonlyMap<string, readonly string[]> = new Map();

function countsOf(counts: ReadonlyMap<string, number>): EntityForm[] {
  return [...counts].map(([text, count]) => ({ text, count }));
}

const encoder = new TextEncoder();

/**
 * Where the file came from, for the cache key.
 *
 * @example
 * const stamp: FileStamp = { path: '/news/a.txt', size: 31, mtimeMs: 1694563200000 };
 */
export interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? bytes.subarray(3) : bytes;
}

/**
 * Turns article files into an {@link AnalyzedBatch}: parses them, extracts entities and tokenises
 * body, title and entity names against the builder's vocabulary, which grows for its whole life and is
 * shared by all its batches (so that a term is numbered, sent and interned once, not once per batch).
 *
 * @example
 * const builder = new BatchBuilder(() => []);
 * builder.addText({ path: 'a.txt', size: 31, mtimeMs: 0 }, ' date 2023-09-13 Kim met Putin.');
 * const batch = builder.finish(); // batch.articles.length === 1
 */
export class BatchBuilder {
  private readonly vocabulary = new TermTable();
  private tokens = new Uint32Array(INITIAL_TOKEN_CAPACITY);
  private tokenCount = 0;
  private articles: AnalyzedArticleMeta[] = [];
  /** The batch's entities by entity term id, with the aliases and form counts seen so far. */
  private entities = new Map<
    number,
    { readonly entity: Omit<BatchEntity, 'aliases' | 'forms' | 'roles'>; readonly aliases: Set<string>; readonly forms: Map<string, number>; readonly roles: Map<string, number> }
  >();
  /** The articles' (entity term id, role number) pairs, and the roles' texts by number (see `AnalyzedBatch.roles`). */
  private readonly roles = new Growable(Uint32Array);
  private roleTexts = new NumberedTexts();
  /** The articles' (entity term id, form number, mentions) triples, and the forms' texts by number (see `AnalyzedBatch.forms`). */
  private readonly forms = new Growable(Uint32Array);
  private formTexts = new NumberedTexts();
  /** The articles' text back to back (each deflated on its own when `deflateText`), copied in as they come: the caller may reuse the bytes it hands in. */
  private readonly text = new Growable(Uint8Array);
  private skipped: SkippedArticle[] = [];

  private readonly deflateText: boolean;

  /**
   * With `deflateText`, the batches hold each article's text raw-deflated (`textDeflated`), as indexing threads
   * send it: a first build's index then holds about half the text's bytes until it is saved, instead of all of them.
   */
  constructor(
    private readonly extractEntities: EntityExtractor,
    private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES,
    options: { readonly deflateText?: boolean } = {},
  ) {
    this.deflateText = options.deflateText === true;
  }

  /** Number of articles and skipped files added since the last {@link finish}. */
  get size(): number {
    return this.articles.length + this.skipped.length;
  }

  /** Bytes of article text added since the last {@link finish}, as the batch holds them (see `deflateText`). */
  get bytes(): number {
    return this.text.length;
  }

  /** Adds a file from its bytes (copied: the caller may reuse them); files that are not articles are recorded as skipped. */
  addBytes(stamp: FileStamp, bytes: Uint8Array): void {
    const result = readArticleFile(bytes, this.maxFileBytes);
    if (result.kind === 'skipped') {
      this.skipped.push({ path: stamp.path, code: result.reason, reason: result.message });
      return;
    }
    this.addArticle(stamp, result.text, result.article, withoutBom(bytes));
  }

  /** Adds a file from its decoded text (as the editor reads non-`file:` URIs). */
  addText(stamp: FileStamp, text: string): void {
    this.addBytes(stamp, encoder.encode(text));
  }

  /** Records a file that could not be read at all, or is too large to be read. */
  addSkipped(path: string, code: SkipReason, detail: { size?: number; error?: string } = {}): void {
    this.skipped.push({ path, code, reason: describeSkip(code, { ...detail, maxBytes: this.maxFileBytes }) });
  }

  /**
   * Returns everything added so far as one batch and starts a new one. Its `vocabulary` is the builder's
   * own array: later batches append to it, never change what is there.
   */
  finish(): AnalyzedBatch {
    const batch: AnalyzedBatch = {
      vocabulary: this.vocabulary.terms,
      articles: this.articles,
      entities: [...this.entities.values()].map(({ entity, aliases, forms, roles }) => ({ ...entity, aliases: [...aliases], forms: countsOf(forms), roles: countsOf(roles) })),
      tokens: this.tokens.slice(0, this.tokenCount),
      roles: this.roles.view().slice(),
      roleTexts: this.roleTexts.texts,
      forms: this.forms.view().slice(),
      formTexts: this.formTexts.texts,
      text: this.text.view().slice(),
      ...(this.deflateText ? { textDeflated: true } : {}),
      skipped: this.skipped,
    };
    this.tokenCount = 0;
    this.articles = [];
    this.entities = new Map();
    this.text.clear();
    this.roles.clear();
    this.roleTexts = new NumberedTexts();
    this.forms.clear();
    this.formTexts = new NumberedTexts();
    this.skipped = [];
    return batch;
  }

  private addArticle(stamp: FileStamp, text: string, article: Article, bytes: Uint8Array): void {
    const bodyStartToken = this.tokenCount;
    const pushTerm = (id: number): void => this.push(id);
    for (const paragraph of article.paragraphs) forEachTermId(text, paragraph.start, paragraph.end, this.vocabulary, pushTerm);
    const bodyTokens = this.tokenCount - bodyStartToken;
    forEachTermId(article.title, 0, article.title.length, this.vocabulary, pushTerm);
    const titleTokens = this.tokenCount - bodyStartToken - bodyTokens;
    const entities = this.extractEntities(text);
    const rolesStart = this.roles.length;
    const formsStart = this.forms.length;
    this.addEntities(entities, entities.length > 0 ? articleRoles(text, entities) : NO_ROLES);
    const entityPairs = (this.tokenCount - bodyStartToken - bodyTokens - titleTokens) / 2;
    const stored = this.deflateText ? deflateRawSync(bytes, { level: TEXT_DEFLATE_LEVEL }) : bytes;
    this.articles.push({
      path: stamp.path,
      size: stamp.size,
      mtimeMs: stamp.mtimeMs,
      day: dayNumber(article.date),
      title: article.title,
      bodyStart: article.paragraphs[0]?.start ?? text.length,
      bodyTokens,
      titleTokens,
      entityPairs,
      rolePairs: (this.roles.length - rolesStart) / 2,
      formTriples: (this.forms.length - formsStart) / 3,
      textBytes: stored.length,
    });
    this.text.pushAll(stored);
  }

  /** Appends the entity field: one pair per entity term, one per distinct name word (counted once per mention). */
  private addEntities(found: readonly ArticleEntity[], roles: ReadonlyMap<string, readonly string[]>): void {
    const wordCounts = new Map<number, number>();
    for (const entity of found) {
      const mentions = Math.max(1, entity.mentions.length);
      const term = entityTerm(entity.key);
      const termId = this.vocabulary.idOf(term, 0, term.length);
      this.noteEntity(termId, entity, roles.get(entity.key) ?? []);
      this.push(termId);
      this.push(Math.min(mentions, MAX_FIELD_COUNT));
      const seen = new Set<number>();
      forEachTermId(entity.name, 0, entity.name.length, this.vocabulary, (id) => {
        if (seen.has(id)) return;
        seen.add(id);
        wordCounts.set(id, (wordCounts.get(id) ?? 0) + mentions);
      });
    }
    for (const [id, count] of wordCounts) {
      this.push(id);
      this.push(Math.min(count, MAX_FIELD_COUNT));
    }
  }

  /**
   * Adds an entity to the batch's list, or its new aliases, form counts and roles when the batch already names it, and
   * notes the article's roles and full forms of it.
   */
  private noteEntity(term: number, entity: ArticleEntity, roles: readonly string[]): void {
    let known = this.entities.get(term);
    if (known === undefined) {
      known = { entity: { term, key: entity.key, name: entity.name, type: entity.type }, aliases: new Set(), forms: new Map(), roles: new Map() };
      this.entities.set(term, known);
    }
    for (const alias of entity.aliases) known.aliases.add(alias);
    for (const { text, count } of entity.forms) {
      known.forms.set(text, (known.forms.get(text) ?? 0) + count);
      // Only the forms the index counts to name the entity: a short form is never its name.
      if (!isFullForm(entity.key, text)) continue;
      this.forms.push(term);
      this.forms.push(this.formTexts.numberOf(text));
      this.forms.push(count);
    }
    // One count per article: `roles` are this article's distinct roles.
    for (const role of roles) {
      known.roles.set(role, (known.roles.get(role) ?? 0) + 1);
      this.roles.push(term);
      this.roles.push(this.roleTexts.numberOf(role));
    }
  }

  private push(value: number): void {
    if (this.tokenCount === this.tokens.length) {
      const grown = new Uint32Array(this.tokens.length * 2);
      grown.set(this.tokens);
      this.tokens = grown;
    }
    this.tokens[this.tokenCount++] = value;
  }
}
