import * as vscode from 'vscode';
import { countOf, quoteName, toDisplayText } from '../core/display-text';
import { correctionSummary } from '../core/curation/correction-summary';
import { renameCollision, renameMergeQuestion, retypeCollision } from '../core/curation/rename-collision';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { displayName, isAllCaps } from '../core/entities/names';
import { EntityType } from '../core/entities/types';
import { ENTITY_TYPE_NAMES, EntityDirectory, aTypeName, everyEntity } from '../core/entity-directory';
import { sharingNameWordsFirst } from '../core/curation/likely-duplicates';
import { nameDoubt } from '../core/curation/name-doubt';
import { EntitySummary } from '../core/search/entity-listing';
import { Correction, EntityRef, isEntityType, keyOfRef, refOfAlias } from '../core/facts/corrections';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { TYPE_WORDS } from '../core/search-workflow/result-export';
import { pickEntity } from '../entity-picker';
import { ask, notify } from '../notifications';
import { articleOf, CurationTarget, entityRefOf, targetOf } from './entity-arguments';
import { CorrectionFile } from './correction-file';

/** What the correction commands read: the corpus's entities (as corrected) and the recogniser, for the name under the cursor. */
export interface CorrectionCommandDeps {
  readonly entities: Pick<EntityDirectory, 'summary' | 'list' | 'typeCounts'>;
  readonly analyzed: AwaitedAnalyzer;
}

/** Where an ignore or an added name applies: every article, or the one it was picked in. */
type Scope = 'everywhere' | 'article';

/** Longest selection that Mark as… takes for a name. */
const MAX_NAME_LENGTH = 120;
/** Entities offered by Merge With…, most articles first (typing filters them). */
const MERGE_CANDIDATES = 1_000;
/** The button of the question asked before Mark as… takes a selection that does not look like one name (`nameDoubt`). */
const MARK_ANYWAY = 'Mark Anyway';
/** The button of the question asked before a rename onto a taken name merges two entities (the modal adds Cancel). */
const MERGE_ANSWER = 'Merge';
const NO_ENTITY = 'News Corpus: put the cursor on a name in an article, or pick an entity in the Entities view.';

const typeLabel = (type: EntityType) => ENTITY_TYPE_NAMES[type].one;

/**
 * The correction commands: each takes its entity (a view element, `{ type, name }`, or the name under the
 * cursor) and its choice as arguments, so that a keybinding or a test can run it without a prompt, and asks
 * with a quick pick or an input box for what is missing. Each resolves to whether it wrote the facts file.
 */
export class CorrectionCommands {
  constructor(
    private readonly deps: CorrectionCommandDeps,
    private readonly file: CorrectionFile,
  ) {}

  /**
   * Rename: `(entity?, newName?, ifTaken?)`. A name another entity of the type already has would make the two one:
   * that is done as a merge into that entity, only once the user agrees in a modal question, or when `ifTaken` is
   * `merge` (`cancel` declines without asking).
   */
  async rename(entity?: unknown, newName?: unknown, ifTaken?: unknown): Promise<boolean> {
    const target = await this.target(entity, { command: 'Rename Entity', verb: 'rename' });
    return target ? this.renameTarget(target, newName, ifTaken) : false;
  }

  private async renameTarget(target: CurationTarget, newName?: unknown, ifTaken?: unknown): Promise<boolean> {
    const name = typeof newName === 'string' ? newName.trim() : await this.askName(target.entity, target.writing);
    if (!name || this.refused(name, target.entity.type)) return false;
    const into = renameCollision(target.entity, name, (key) => this.deps.entities.summary(key));
    if (into) return this.mergeIfAgreed(target.entity, into, ifTaken, target.article);
    return this.write([target.entity], { kind: 'rename', entity: target.entity, to: name }, target.article);
  }

  /**
   * Change Type: `(entity?, type?, ifTaken?)` with type `PER`, `LOC`, `ORG` or `MISC`. An entity of that type with
   * the same name would make the two one: a merge, asked first as Rename does.
   */
  async retype(entity?: unknown, type?: unknown, ifTaken?: unknown): Promise<boolean> {
    const target = await this.target(entity, { command: 'Change Entity Type', verb: 'give another type' });
    if (!target) return false;
    const to = isEntityType(type) ? type : await pickType(`News Corpus: Change the Type of ${quoteName(target.entity.name)}`, target.entity.type);
    if (to === undefined || to === target.entity.type) return false;
    const into = retypeCollision(target.entity, to, (key) => this.deps.entities.summary(key));
    if (into) return this.mergeIfAgreed(target.entity, into, ifTaken, target.article);
    return this.write([target.entity], { kind: 'retype', entity: target.entity, to }, target.article);
  }

  /** Merges `entity` into `into`, whose name or type a rename or a change of type would take, once the user agrees (or `ifTaken` is `merge`). */
  private async mergeIfAgreed(entity: EntityRef, into: EntityRef, ifTaken: unknown, article: vscode.Uri | undefined): Promise<boolean> {
    const merge = ifTaken === 'merge' || (ifTaken !== 'cancel' && (await ask(renameMergeQuestion(entity, into), MERGE_ANSWER)) === MERGE_ANSWER);
    if (!merge) return false;
    const entities = [entity, into];
    return this.write(entities, { kind: 'merge', entities, into }, article);
  }

  /** Split Alias: `(entity?, alias?)`. */
  async split(entity?: unknown, alias?: unknown): Promise<boolean> {
    const target = await this.target(entity, { command: 'Split Alias', verb: 'split a name off' });
    if (!target) return false;
    const aliases = this.deps.entities.summary(keyOfRef(target.entity))?.aliases ?? [];
    let form = typeof alias === 'string' ? alias : undefined;
    if (form === undefined) {
      if (aliases.length === 0) {
        void notify('info', `News Corpus: ${quoteName(target.entity.name)} has no other name to split off.`);
        return false;
      }
      form = (
        await vscode.window.showQuickPick(
          aliases.map((alias) => ({ label: toDisplayText(alias), alias })),
          { title: `News Corpus: Split an Alias off ${quoteName(target.entity.name)}`, placeHolder: 'The name that is not this entity: it becomes an entity of its own' },
        )
      )?.alias;
    }
    if (form === undefined) return false;
    return this.write([target.entity], { kind: 'split', entity: target.entity, alias: form }, target.article);
  }

  /** Ignore: `(entity?, scope?, article?)` with scope `everywhere` or `article`. */
  async ignore(entity?: unknown, scope?: unknown, article?: unknown): Promise<boolean> {
    const target = await this.target(entity, { command: 'Ignore Entity', verb: 'ignore' }, article);
    if (!target) return false;
    const where = await this.scope(scope, target.article, `News Corpus: Ignore ${quoteName(target.entity.name)}`, ['Everywhere', 'It is not an entity in any article'], ['In This Article Only', 'Elsewhere it stays an entity']);
    if (!where) return false;
    const correction: Correction = { kind: 'ignore', entity: target.entity, ...where.path };
    return this.write(where.article ? [] : [target.entity], correction, where.article);
  }

  /** Mark as Person / Place / Organization: `(name?, scope?, article?)`; the name defaults to the editor's selection. */
  async markAs(type: EntityType, name?: unknown, scope?: unknown, article?: unknown): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.document.getText(editor.selection).trim() : '';
    const text = typeof name === 'string' ? name.trim() : selected;
    if (text === '' || text.length > MAX_NAME_LENGTH || /[\r\n]/.test(text)) {
      void notify('info', 'News Corpus: select a name on one line of an article, then mark it.');
      return false;
    }
    // A name given as an argument is meant; a selection may have run on past the name.
    const doubt = typeof name === 'string' ? undefined : nameDoubt(text);
    if (doubt !== undefined && (await ask(`News Corpus: ${quoteName(text)} does not look like one name: ${doubt}. Mark it as ${aTypeName(type)} all the same?`, MARK_ANYWAY)) !== MARK_ANYWAY) return false;
    const entity: EntityRef = { type, name: text };
    const near = articleOf(article) ?? editor?.document.uri;
    const where = await this.scope(scope, near, `News Corpus: Mark ${quoteName(text)} as ${aTypeName(type)}`, ['Every Occurrence', 'Every occurrence of this exact name in the corpus'], ['This Article Only', 'Only the occurrences in this article']);
    if (!where) return false;
    return this.write(where.article ? [] : [entity], { kind: 'add', entity, ...where.path }, where.article);
  }

  /**
   * Merge: `(element, selectedElements)` from the Entities view, or `(entities, canonical?)` with `{ type, name }`
   * values (the canonical one of them, another `{ type, name }`, or a name). One entity asks which to merge it with.
   */
  async merge(first?: unknown, second?: unknown): Promise<boolean> {
    const explicit = Array.isArray(first);
    const listed: readonly unknown[] = explicit ? first : Array.isArray(second) ? second : [first === undefined ? (await this.target(undefined, { command: 'Merge Entities', verb: 'merge with another' }))?.entity : first];
    const entities = uniqueEntities(listed.map(entityRefOf).filter((ref): ref is EntityRef => ref !== undefined));
    if (entities.length === 0) {
      if (first !== undefined) void notify('info', NO_ENTITY);
      return false;
    }
    if (entities.length === 1) {
      const other = await this.pickOther(entities[0] as EntityRef);
      if (!other) return false;
      entities.push(other);
    }
    const given = explicit ? (typeof second === 'string' ? { type: (entities[0] as EntityRef).type, name: second } : entityRefOf(second)) : undefined;
    const into = given ?? (await this.pickCanonical(entities));
    if (!into) return false;
    if (this.refused(into.name, into.type)) return false;
    return this.write(entities, { kind: 'merge', entities, into });
  }

  /**
   * Fix…: `(type, name, article)` from the card's link, a view element, or the mention under the cursor: a quick
   * pick of the corrections for the entity.
   */
  async fix(type?: unknown, name?: unknown, article?: unknown): Promise<boolean> {
    const target = await this.target(isEntityType(type) && typeof name === 'string' ? { type, name } : type, { command: 'Fix Entity', verb: 'correct' }, article);
    if (!target) return false;
    const { entity } = target;
    const actions: (vscode.QuickPickItem & { run: () => Promise<boolean> })[] = [
      { label: '$(edit) Rename…', run: () => this.renameTarget(target) },
      { label: '$(symbol-enum) Change Type…', description: `currently ${aTypeName(entity.type)}`, run: () => this.retype(entity) },
      { label: '$(merge) Merge With…', description: 'another entity that is the same', run: () => this.merge([entity]) },
      { label: '$(split-horizontal) Split Alias…', description: 'a name that is not this entity', run: () => this.split(entity) },
      { label: '$(eye-closed) Ignore', description: 'not an entity', run: () => this.ignore(entity, undefined, target.article) },
    ];
    // Kept open when the focus leaves it: Enter on the hover card's Fix… link closes the card, and the focus it gave
    // back to the editor closed the menu it had just opened, now and then (ux33: 6 of 22 tries).
    const picked = await vscode.window.showQuickPick(actions, { title: `News Corpus: Fix ${quoteName(entity.name)} (${typeLabel(entity.type)})`, placeHolder: 'What is wrong with this entity?', ignoreFocusOut: true });
    return picked ? picked.run() : false;
  }

  /** Whether a name given as an argument (a keybinding, a test) fails what the input boxes ask of one; said if so. */
  private refused(name: string, type: EntityType): boolean {
    const problem = nameProblem(name, type);
    if (problem !== undefined) void notify('error', `News Corpus: ${problem}`);
    return problem !== undefined;
  }

  /**
   * The entity a command corrects: the one it was given, else the one at the editor's cursor, else (given none) one
   * the user picks by name, as from the Command Palette (ux34: a message alone sent the reader elsewhere to pick it).
   */
  private async target(entity: unknown, asking: { readonly command: string; readonly verb: string }, article?: unknown): Promise<CurationTarget | undefined> {
    const target = await targetOf(entity, article, this.deps);
    if (target || entity !== undefined) {
      if (!target) void notify('info', NO_ENTITY);
      return target;
    }
    // Titled by the command that asks (ux37: every correction's picker was "Correct an Entity").
    const key = await pickEntity(this.deps.entities, `News Corpus: ${asking.command}`, `The entity to ${asking.verb}: part of its name (or put the cursor on a name in an article first)`);
    const picked = key === undefined ? undefined : this.deps.entities.summary(key);
    return picked && { entity: { type: picked.type, name: picked.name } };
  }

  /**
   * Writes into the facts file of the first of `entities` that has an entry, else of `article`'s folder: a
   * correction in one article passes no entities, so that its path is relative to the folder of its own file.
   */
  private async write(entities: readonly EntityRef[], correction: Correction, article?: vscode.Uri): Promise<boolean> {
    const uri = this.file.fileFor(entities, article);
    if (!uri) {
      void notify('error', 'News Corpus: open a folder to keep corrections of its entities.');
      return false;
    }
    return this.file.write(uri, [correction], correctionSummary(correction));
  }

  /**
   * Asks for the new name, offering the article's `writing` of the name under the cursor when it is another writing
   * of the entity's name ("Kim Jong-Un" of "Kim Jong-un": Enter makes it the name), else the name itself.
   */
  private async askName(entity: EntityRef, writing?: string): Promise<string | undefined> {
    // As a name is shown: one line, no possessive; a headline's capitals are no writing to offer.
    const shown = writing === undefined ? undefined : displayName(writing);
    const otherWriting = shown !== undefined && shown !== entity.name && !isAllCaps(shown) && keyOfRef({ type: entity.type, name: shown }) === keyOfRef(entity);
    const name = await vscode.window.showInputBox({
      title: `News Corpus: Rename ${quoteName(entity.name)}`,
      prompt: 'The name every view, card and search shows for this entity; the old name becomes an alias.',
      value: otherWriting ? shown : entity.name,
      validateInput: (value) => nameProblem(value, entity.type) ?? (value.trim() === entity.name ? 'That is the same name.' : undefined),
    });
    return name?.trim() || undefined;
  }

  /** The scope of an ignore or an added name: the argument, else asked (only when there is an article to limit it to). */
  private async scope(
    given: unknown,
    near: vscode.Uri | undefined,
    title: string,
    everywhere: readonly [string, string],
    inArticle: readonly [string, string],
  ): Promise<{ path: { article?: string }; article?: vscode.Uri } | undefined> {
    const path = near && vscode.workspace.getWorkspaceFolder(near) ? vscode.workspace.asRelativePath(near, false) : undefined;
    let scope: Scope | undefined = given === 'everywhere' || given === 'article' ? given : undefined;
    if (scope === undefined && path === undefined) scope = 'everywhere';
    if (scope === undefined) {
      const items = [
        { label: everywhere[0], detail: everywhere[1], scope: 'everywhere' as const },
        { label: inArticle[0], description: path ?? '', detail: inArticle[1], scope: 'article' as const },
      ];
      scope = (await vscode.window.showQuickPick(items, { title }))?.scope;
    }
    if (scope === undefined) return undefined;
    if (scope === 'everywhere') return { path: {} };
    if (!near || path === undefined) {
      void notify('info', 'News Corpus: open the article in the workspace to make the correction in it only.');
      return undefined;
    }
    return { path: { article: path }, article: near };
  }

  private async pickCanonical(entities: readonly EntityRef[]): Promise<EntityRef | undefined> {
    // The entity with the most articles first, so that Enter keeps the better-known name.
    const summarised = entities.map((entity) => ({ entity, summary: this.deps.entities.summary(keyOfRef(entity)) })).sort((a, b) => (b.summary?.articleCount ?? 0) - (a.summary?.articleCount ?? 0));
    const items: (vscode.QuickPickItem & { entity?: EntityRef })[] = summarised.map(({ entity, summary }) => ({
      label: toDisplayText(entity.name),
      description: typeLabel(entity.type),
      detail: summary ? `${countOf(summary.articleCount, 'article')} · ${countOf(summary.mentionCount, 'mention')}` : '',
      entity,
    }));
    items.push({ label: '$(edit) Another Name…', detail: 'Type the name the merged entity should have' });
    // Kept open when the focus leaves it, as Fix…: the hover card's Merge… link opens it.
    const picked = await vscode.window.showQuickPick(items, { title: 'News Corpus: Merge Entities', placeHolder: 'The name (and type) the merged entity keeps', ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.entity) return picked.entity;
    const first = entities[0] as EntityRef;
    const name = await vscode.window.showInputBox({ title: 'News Corpus: Merge Entities', prompt: `The name of the merged entity (${aTypeName(first.type)})`, value: first.name, validateInput: (value) => nameProblem(value, first.type) });
    return name?.trim() ? { type: first.type, name: name.trim() } : undefined;
  }

  private async pickOther(entity: EntityRef): Promise<EntityRef | undefined> {
    const key = keyOfRef(entity);
    const itemOf = (other: EntitySummary) => ({ label: toDisplayText(other.name), description: `${TYPE_WORDS[other.type]} · ${countOf(other.articleCount, 'article')}`, detail: other.aliases.length > 0 ? `Also written: ${other.aliases.map(toDisplayText).join(', ')}` : '', entity: { type: other.type, name: other.name } });
    // Every entity that shares a word of the name first, most articles first; then the largest of each type (each
    // type's list is in article order already: listed once for both).
    const every = everyEntity(this.deps.entities, 'articles');
    const { sharing } = sharingNameWordsFirst(entity.name, every.filter((other) => other.key !== key));
    const shared = new Set(sharing.map((other) => other.key));
    const largest = ENTITY_TYPES.flatMap((type) => every.filter((other) => other.type === type).slice(0, MERGE_CANDIDATES)).filter((other) => other.key !== key && !shared.has(other.key));
    const items: (vscode.QuickPickItem & { entity?: EntityRef })[] = [
      ...(sharing.length > 0 ? [{ label: 'Sharing a word of its name', kind: vscode.QuickPickItemKind.Separator }, ...[...sharing].sort((a, b) => b.articleCount - a.articleCount).map(itemOf)] : []),
      { label: 'Most articles', kind: vscode.QuickPickItemKind.Separator },
      ...largest.map(itemOf),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `News Corpus: Merge ${quoteName(entity.name)} With…`, placeHolder: 'The entity that is the same as this one', matchOnDetail: true });
    return picked?.entity;
  }

}

function uniqueEntities(entities: readonly EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return entities.filter((entity) => !seen.has(keyOfRef(entity)) && Boolean(seen.add(keyOfRef(entity))));
}

async function pickType(title: string, current: EntityType): Promise<EntityType | undefined> {
  const items = ENTITY_TYPES.filter((type) => type !== current).map((type) => ({ label: `$(${ENTITY_TYPE_NAMES[type].icon}) ${ENTITY_TYPE_NAMES[type].group}`, description: TYPE_WORDS[type], type }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: `Now ${aTypeName(current)}` }))?.type;
}

/**
 * What is wrong with a name typed for an entity of `type`, if anything: empty, or starting with a kind and a colon
 * ("person:…"), which the facts file reads as another entity's type (ux34: "person:Kim Jong Un" became a name).
 */
function nameProblem(value: string, type: EntityType): string | undefined {
  if (value.trim() === '') return 'The name cannot be empty.';
  const kind = value.trim().slice(0, value.trim().indexOf(':'));
  return refOfAlias(value, type).name !== value.trim() ? `A name cannot start with "${kind}:", which the facts file reads as a type: use Change Type for the type.` : undefined;
}
