import * as vscode from 'vscode';
import { Cancellation, ThreadedEntities } from '../core/entities/threaded-entities';
import { ArticleEntity } from '../core/entities/types';
import { reasonOf } from '../core/messages';
import { notify } from '../notifications';
import { ExtractorSpec, LoadedModel, loadModel, shippedModelPath } from '../workers/entity-extractor';
import { EntityThread } from '../workers/entity-thread';

const SHOW_LOG = 'Show Log';
/** Texts whose entities are remembered: the open articles a user moves between. */
const REMEMBERED_TEXTS = 8;

/**
 * Where the engine has found entities so far: for the integration tests, which show that a long article's were not
 * found on the extension host's thread.
 *
 * @example
 * const places: EntityAnalysisPlaces = { longestTextOnHost: 4_210, textsOnThread: 1 };
 */
export interface EntityAnalysisPlaces {
  /** Characters of the longest text analysed on the extension host's thread. */
  readonly longestTextOnHost: number;
  /** Texts sent to the engine's thread. */
  readonly textsOnThread: number;
}

/**
 * The entity engine of the extension host: the model the indexing threads are told to load, and the entities of one
 * text (the open document, an article whose mentions a view lists) found as the index finds them: a short text on
 * this thread, a long one on a thread of its own (see `LONG_TEXT_CHARS`), which would hold up every extension for
 * up to seconds here. A model that cannot be loaded is said once, loudly; everything else then works without entities.
 */
export interface EntityEngine {
  /**
   * What the indexing threads load: the shipped model, unchecked until this thread has loaded it (parsing it here
   * only to learn that it loads was 170–330 ms of the host's thread as a window opened), none once it failed to load.
   */
  extractorSpec(): ExtractorSpec;
  /**
   * The model was found not to load off this thread (its header, checked for the index's identity, or the indexing
   * threads): said as a failed load of this thread's is, once.
   */
  modelProblemFound(problem: string): void;
  /**
   * The merged entities of `text` (the text of the document `id`), empty when the model is unavailable; undefined
   * while a long text is analysed on the engine's thread: {@link onDidAnalyze} tells when to ask again. A document
   * edited meanwhile has its newer text analysed instead of the one that waited. `indexed`: the text is the index's
   * copy of the article (the Entities view's mentions, a search for mentions across the corpus), which waits apart
   * from the open editor's text of it: under one id, an edited article's two texts kept replacing each other.
   * `waiter`: how the caller stops waiting; a long text all its callers stopped waiting for is not analysed.
   */
  analyze(text: string, id?: string, indexed?: boolean, waiter?: Cancellation): readonly ArticleEntity[] | undefined;
  /**
   * As {@link analyze} for the index's copy of an article read in passing, one of many in a row (a panel reading an
   * entity's 200 newest articles): a short text is not remembered, so that the open editors' texts stay remembered
   * and their hovers need no analysis again.
   */
  analyzeInPassing(text: string, id?: string, waiter?: Cancellation): readonly ArticleEntity[] | undefined;
  /** A long text's entities have arrived: what `analyze` answered undefined now has them. */
  readonly onDidAnalyze: vscode.Event<void>;
  /** Why there are no entities, or undefined when the model works. */
  problem(): string | undefined;
  /** Where texts have been analysed so far. */
  places(): EntityAnalysisPlaces;
}

/** The source under which the index's copy of an article waits, apart from the open editor's text of it. */
const indexSource = (id: string | undefined): string => `index:${id ?? ''}`;

class HostEntityEngine implements EntityEngine, vscode.Disposable {
  private model: LoadedModel | undefined;
  private readonly analyzed = new vscode.EventEmitter<void>();
  readonly onDidAnalyze = this.analyzed.event;
  private readonly thread: EntityThread;
  private readonly entities: ThreadedEntities;
  private longestTextOnHost = 0;
  private textsOnThread = 0;

  constructor(
    private readonly modelPath: string,
    private readonly onProblem: (problem: string) => void,
    log: vscode.LogOutputChannel,
  ) {
    this.thread = new EntityThread({ extractor: () => this.extractorSpec(), onModelProblem: (problem) => this.modelProblemFound(problem) });
    this.entities = new ThreadedEntities({
      here: (text) => {
        const model = this.loaded();
        this.longestTextOnHost = Math.max(this.longestTextOnHost, text.length);
        return model.ok ? model.extract(text) : [];
      },
      elsewhere: (text) => {
        this.textsOnThread++;
        return this.thread.extract(text);
      },
      capacity: REMEMBERED_TEXTS,
      onAnalyzed: () => this.analyzed.fire(),
      onFailure: (error) => log.error(`News Corpus: a long article's entities could not be found (it shows none until it is edited): ${reasonOf(error)}`),
    });
  }

  extractorSpec(): ExtractorSpec {
    if (this.model === undefined) return { kind: 'model', modelPath: this.modelPath, unchecked: true };
    return this.model.ok ? this.model.spec : { kind: 'none' };
  }

  modelProblemFound(problem: string): void {
    if (this.model !== undefined) return;
    this.model = { ok: false, problem };
    this.onProblem(problem);
  }

  analyze(text: string, id?: string, indexed = false, waiter?: Cancellation): readonly ArticleEntity[] | undefined {
    return this.entitiesOf(text, indexed ? indexSource(id) : id, waiter, true);
  }

  analyzeInPassing(text: string, id?: string, waiter?: Cancellation): readonly ArticleEntity[] | undefined {
    return this.entitiesOf(text, indexSource(id), waiter, false);
  }

  private entitiesOf(text: string, source: string | undefined, waiter: Cancellation | undefined, remember: boolean): readonly ArticleEntity[] | undefined {
    // Known broken: nothing to find, on any thread. Not loaded yet: a long text leaves the loading to its thread.
    if (this.model?.ok === false) return [];
    return this.entities.of(text, source, waiter, remember);
  }

  problem(): string | undefined {
    const model = this.loaded();
    return model.ok ? undefined : model.problem;
  }

  places(): EntityAnalysisPlaces {
    return { longestTextOnHost: this.longestTextOnHost, textsOnThread: this.textsOnThread };
  }

  dispose(): void {
    this.entities.dispose();
    void this.thread.dispose();
    this.analyzed.dispose();
  }

  /** Loads the model on first use (a few ms), not during activation. */
  private loaded(): LoadedModel {
    if (this.model === undefined) {
      this.model = loadModel(this.modelPath);
      if (!this.model.ok) this.onProblem(this.model.problem);
    }
    return this.model;
  }
}

/**
 * Starts the host's entity engine, stopped with the extension; a model that fails to load shows an error, sets
 * `newsCorpus.entityModelBroken` and is logged in `log`.
 */
export function registerEntityEngine(context: vscode.ExtensionContext, deps: { log: vscode.LogOutputChannel; modelPath?: string }): EntityEngine {
  const { log } = deps;
  const engine = new HostEntityEngine(
    deps.modelPath ?? shippedModelPath(),
    (problem) => {
      log.error(problem);
      void vscode.commands.executeCommand('setContext', 'newsCorpus.entityModelBroken', true);
      void notify('error', problem, SHOW_LOG).then((choice) => {
        if (choice === SHOW_LOG) log.show();
      });
    },
    log,
  );
  context.subscriptions.push(engine);
  return engine;
}
