import * as vscode from 'vscode';
import { RememberedEntities } from '../core/entities/remembered-entities';
import { ArticleEntity } from '../core/entities/types';
import { notify } from '../notifications';
import { ExtractorSpec, LoadedModel, loadModel, shippedModelPath } from '../workers/entity-extractor';

const SHOW_LOG = 'Show Log';
/** Texts whose entities are remembered: the open articles a user moves between. */
const REMEMBERED_TEXTS = 8;

/**
 * The entity engine on the extension host's thread: the model the indexing threads are told to load, and
 * the entities of one text (the open document, an article whose mentions a view lists) found as the index
 * finds them. A model that cannot be loaded is said once, loudly; everything else then works without entities.
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
  /** The merged entities of `text`, empty when the model is unavailable. */
  analyze(text: string): readonly ArticleEntity[];
  /** Why there are no entities, or undefined when the model works. */
  problem(): string | undefined;
}

class HostEntityEngine implements EntityEngine {
  private model: LoadedModel | undefined;
  private readonly remembered = new RememberedEntities((text) => {
    const model = this.loaded();
    return model.ok ? model.extract(text) : [];
  }, REMEMBERED_TEXTS);

  constructor(
    private readonly modelPath: string,
    private readonly onProblem: (problem: string) => void,
  ) {}

  extractorSpec(): ExtractorSpec {
    if (this.model === undefined) return { kind: 'model', modelPath: this.modelPath, unchecked: true };
    return this.model.ok ? this.model.spec : { kind: 'none' };
  }

  modelProblemFound(problem: string): void {
    if (this.model !== undefined) return;
    this.model = { ok: false, problem };
    this.onProblem(problem);
  }

  analyze(text: string): readonly ArticleEntity[] {
    return this.remembered.of(text);
  }

  problem(): string | undefined {
    const model = this.loaded();
    return model.ok ? undefined : model.problem;
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

/** Starts the host's entity engine; a model that fails to load shows an error, sets `newsCorpus.entityModelBroken` and is logged in `log`. */
export function registerEntityEngine(deps: { log: vscode.LogOutputChannel; modelPath?: string }): EntityEngine {
  const { log } = deps;
  return new HostEntityEngine(deps.modelPath ?? shippedModelPath(), (problem) => {
    log.error(problem);
    void vscode.commands.executeCommand('setContext', 'newsCorpus.entityModelBroken', true);
    void notify('error', problem, SHOW_LOG).then((choice) => {
      if (choice === SHOW_LOG) log.show();
    });
  });
}
