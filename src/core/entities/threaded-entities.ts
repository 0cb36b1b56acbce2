import { RememberedEntities } from './remembered-entities';
import { ArticleEntity } from './types';

/**
 * Texts of at least this many characters are analysed on another thread, not on the extension host's. Measured in
 * plain Node on this project's 2-core machine with the shipped model, warm, on Wikinews text (the median of 7 texts):
 * 5,000 characters 1.1 ms, 20,000 8 ms, 50,000 16 ms (at most 22), 100,000 27 ms (at most 38), 592,000 225 ms (at
 * most 549; 0.9 s as the first text of a process). From here on an analysis passes the ~20 ms a hover or a keystroke
 * may wait; the articles of a news corpus (2–5 KB) stay far below it, and keep their answer at once.
 */
export const LONG_TEXT_CHARS = 50_000;

/**
 * How the entities of texts are found: a short text on the calling thread, a long one elsewhere (a worker thread).
 *
 * @example
 * const options: ThreadedEntitiesOptions = { here: model.extract, elsewhere: (text) => thread.extract(text), capacity: 8, onAnalyzed: refresh, onFailure: log };
 */
export interface ThreadedEntitiesOptions {
  /** Analyses a short text on the calling thread. */
  readonly here: (text: string) => readonly ArticleEntity[];
  /** Analyses a long text on another thread. */
  readonly elsewhere: (text: string) => Promise<readonly ArticleEntity[]>;
  /** Texts of at least this many characters are analysed elsewhere (default {@link LONG_TEXT_CHARS}). */
  readonly longText?: number;
  /** How many texts' entities are remembered (see {@link RememberedEntities}). */
  readonly capacity: number;
  /** Told when a long text's entities have arrived and are remembered: whoever was answered "not yet" may ask again. */
  readonly onAnalyzed: () => void;
  /**
   * Told why the other thread failed a text (or could not be asked), which then has no entities: analysing it on the
   * calling thread instead would hold that thread up for as long as this class exists to avoid.
   */
  readonly onFailure: (error: unknown) => void;
}

/** A long text waiting for the other thread, and who asked for it. */
interface Waiting {
  readonly text: string;
  /** The callers that may stop waiting (a hover moved on, a query typed further). */
  readonly waiters: Set<Cancellation>;
  /** Asked for by a caller that gives no way to stop waiting (a view, the analysis of a shown editor): analysed whatever the others do. */
  wanted: boolean;
}

/**
 * The entities of texts, remembered by text, found without holding up the calling thread for long: a short text is
 * analysed at once, a long one is handed to another thread and answered `undefined` ("not yet") until its entities
 * arrive (`onAnalyzed`), then from memory. One long text is analysed at a time; those waiting are kept one per
 * source (a document), so a document edited while its text waits replaces that text instead of queueing every
 * version. A waiting text whose every caller gave a {@link Cancellation} and has cancelled it is dropped unanalysed
 * when its turn comes: Go to Symbol in Workspace typed further, or a hover moved on, left long articles' texts to
 * hold the thread for up to a second each. A text whose analysis is already under way runs to its end (its entities
 * are remembered as any others). A text the other thread fails has no entities (remembered so, so that whoever
 * waits for it is answered); the next text waiting is analysed all the same.
 *
 * @example
 * const entities = new ThreadedEntities({ here: model.extract, elsewhere: (text) => thread.extract(text), capacity: 8, onAnalyzed: () => changed.fire(), onFailure: log });
 * entities.of(shortText); // its entities, now
 * entities.of(longText, 'file:///news/long.txt'); // undefined; onAnalyzed follows, then entities.of(longText, …) has them
 */
export class ThreadedEntities {
  private readonly remembered: RememberedEntities;
  private readonly longText: number;
  /** The long text being analysed on the other thread, if any. */
  private running: string | undefined;
  /** Long texts waiting for the other thread, by source: the latest text of each. */
  private readonly waiting = new Map<string, Waiting>();
  private disposed = false;

  constructor(private readonly options: ThreadedEntitiesOptions) {
    this.remembered = new RememberedEntities(options.here, options.capacity);
    this.longText = options.longText ?? LONG_TEXT_CHARS;
  }

  /**
   * The entities of `text` (of the document `source`), or undefined while they are being found on the other thread.
   * `waiter`: how the caller stops waiting for a long text; without one, the text is analysed in its turn whatever.
   * `remember`: false for a short text read in passing, one of many in a row (a panel reading an entity's articles),
   * which would push the texts of the open editors out of memory; a long one is remembered all the same, as its
   * entities come later and are then asked for again.
   */
  of(text: string, source = '', waiter?: Cancellation, remember = true): readonly ArticleEntity[] | undefined {
    if (text.length < this.longText) return remember ? this.remembered.of(text) : (this.remembered.known(text) ?? this.options.here(text));
    const known = this.remembered.known(text);
    if (known !== undefined || text === this.running || this.disposed) return known;
    let waiting = [...this.waiting.values()].find((entry) => entry.text === text);
    if (waiting === undefined) {
      waiting = { text, waiters: new Set(), wanted: false };
      this.waiting.set(source, waiting);
    }
    if (waiter === undefined) waiting.wanted = true;
    else waiting.waiters.add(waiter);
    this.startNext();
    return undefined;
  }

  /** Drops the texts waiting; an analysis still under way is not heard of any more. */
  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
  }

  private startNext(): void {
    if (this.running !== undefined || this.disposed) return;
    const next = this.takeNext();
    if (next !== undefined) this.start(next);
  }

  /** Takes the first waiting text someone still waits for out of the queue, dropping those no one does. */
  private takeNext(): string | undefined {
    for (const [source, { text, waiters, wanted }] of this.waiting) {
      this.waiting.delete(source);
      if (wanted || [...waiters].some((waiter) => !waiter.isCancellationRequested)) return text;
    }
    return undefined;
  }

  private start(text: string): void {
    this.running = text;
    // Asked inside a promise's executor (at once): a thread that cannot even be asked (its Worker or postMessage
    // throwing) fails this text as a thread that answers with an error does, instead of throwing into whoever asked.
    void new Promise<readonly ArticleEntity[]>((resolve) => resolve(this.options.elsewhere(text)))
      .catch((error: unknown): readonly ArticleEntity[] => {
        // No analysis here instead: a long text would hold up the calling thread for the 0.5–1.5 s this class avoids.
        if (!this.disposed) this.options.onFailure(error);
        return [];
      })
      .then((entities) => {
        if (this.disposed) return;
        this.remembered.remember(text, entities);
        this.options.onAnalyzed();
      })
      .finally(() => {
        this.running = undefined;
        this.startNext();
      });
  }
}

/**
 * What a caller waiting for entities gives to stop waiting; VS Code's `CancellationToken` is one.
 *
 * @example
 * const never: Cancellation = { isCancellationRequested: false };
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  /** Tells when the caller stops waiting, so that a wait ends then and not at the next text's analysis. */
  readonly onCancellationRequested?: (listener: () => void) => { dispose(): void };
}

/**
 * Subscribes a listener to "a long text's entities have arrived"; VS Code's `Event<void>` is one.
 *
 * @example
 * const arrivals: AnalysisArrivals = engine.onDidAnalyze;
 */
export type AnalysisArrivals = (listener: () => void) => { dispose(): void };

/**
 * The entities of a text once they are known, for the callers that can wait (a hover, the Outline, a command, a view's
 * rows): at once for a short text, when its analysis arrives for a long one, none once `token` is cancelled.
 *
 * @example
 * const analyzed: AwaitedAnalyzer = awaitingAnalyzer(analyze, engine.onDidAnalyze);
 * await analyzed(document.getText(), document.uri.toString(), token);
 */
export type AwaitedAnalyzer = (text: string, id?: string, token?: Cancellation) => Promise<readonly ArticleEntity[]>;

/**
 * Waits for `analyze`'s answer: asked again at each arrival until it is no longer "not yet" (undefined). A text
 * another one of its document replaced while it waited is asked for again, and so analysed in its turn. Each ask
 * passes the caller's token on, so that a text is left unanalysed once all who waited for it cancelled (see
 * {@link ThreadedEntities}).
 *
 * @example
 * const analyzed = awaitingAnalyzer((text, id, token) => engine.analyze(text, id, false, token), engine.onDidAnalyze);
 * const entities = await analyzed(longText, 'file:///news/long.txt'); // after its thread answered
 */
export function awaitingAnalyzer(analyze: (text: string, id?: string, token?: Cancellation) => readonly ArticleEntity[] | undefined, arrivals: AnalysisArrivals): AwaitedAnalyzer {
  return (text, id, token) => {
    const now = analyze(text, id, token);
    if (now !== undefined) return Promise.resolve(now);
    // Cancelled already: a token may call a listener back at once then, before the waiting below is set up.
    if (token?.isCancellationRequested === true) return Promise.resolve([]);
    return new Promise((resolve) => {
      const answer = (entities: readonly ArticleEntity[]) => {
        listening.dispose();
        cancelling?.dispose();
        resolve(entities);
      };
      const listening = arrivals(() => {
        const entities = token?.isCancellationRequested === true ? [] : analyze(text, id, token);
        if (entities !== undefined) answer(entities);
      });
      // The analysis a cancelled caller asked for may be long (a text ahead of it too): no reason to wait for it.
      const cancelling = token?.onCancellationRequested?.(() => answer([]));
    });
  };
}
