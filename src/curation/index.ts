import * as vscode from 'vscode';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { EntityType } from '../core/entities/types';
import { EntityDirectory } from '../core/entity-directory';
import { CorrectionCommands } from './correction-commands';
import { CorrectionFile, FactsFileAccess } from './correction-file';
import { EntityTableCommands } from './entity-table-commands';
import { mergeLikelyDuplicates } from './likely-duplicates-command';

/**
 * What the curation commands need: the corpus's entities as the views show them, the recogniser (for the
 * name under the cursor), whether the engine itself has an entity (so that renaming back leaves no alias),
 * and the facts files.
 */
export interface CurationDeps extends FactsFileAccess {
  readonly entities: Pick<EntityDirectory, 'summary' | 'list' | 'typeCounts' | 'roles'>;
  readonly analyzed: AwaitedAnalyzer;
  readonly isEngineEntity: (key: string) => boolean;
}

const MARK_AS: readonly [string, EntityType][] = [
  ['newsCorpus.markAsPerson', 'PER'],
  ['newsCorpus.markAsPlace', 'LOC'],
  ['newsCorpus.markAsOrganization', 'ORG'],
];

/**
 * Correcting entities: merge (likely duplicates among them), split, rename, change type, ignore and mark a name, written into the facts file
 * (where the corrections feature reads them back) with undo, and the entity table's export and import.
 */
export function registerCuration(context: vscode.ExtensionContext, deps: CurationDeps): void {
  const file = new CorrectionFile(deps, { isEngineEntity: deps.isEngineEntity });
  const corrections = new CorrectionCommands(deps, file);
  const table = new EntityTableCommands(deps, file);
  context.subscriptions.push(
    vscode.commands.registerCommand('newsCorpus.fixEntity', (...args: unknown[]) => corrections.fix(...args)),
    vscode.commands.registerCommand('newsCorpus.mergeEntities', (first?: unknown, second?: unknown) => corrections.merge(first, second)),
    vscode.commands.registerCommand('newsCorpus.mergeLikelyDuplicates', (choice?: unknown) => mergeLikelyDuplicates(deps.entities, file, choice)),
    vscode.commands.registerCommand('newsCorpus.splitAlias', (entity?: unknown, alias?: unknown) => corrections.split(entity, alias)),
    vscode.commands.registerCommand('newsCorpus.renameEntity', (entity?: unknown, name?: unknown, ifTaken?: unknown) => corrections.rename(entity, name, ifTaken)),
    vscode.commands.registerCommand('newsCorpus.changeEntityType', (entity?: unknown, type?: unknown, ifTaken?: unknown) => corrections.retype(entity, type, ifTaken)),
    vscode.commands.registerCommand('newsCorpus.ignoreEntity', (entity?: unknown, scope?: unknown, article?: unknown) => corrections.ignore(entity, scope, article)),
    ...MARK_AS.map(([command, type]) => vscode.commands.registerCommand(command, (name?: unknown, scope?: unknown, article?: unknown) => corrections.markAs(type, name, scope, article))),
    vscode.commands.registerCommand('newsCorpus.undoCorrection', () => file.undoLast()),
    vscode.commands.registerCommand('newsCorpus.exportEntityTable', (target?: unknown) => table.export(target)),
    vscode.commands.registerCommand('newsCorpus.importEntityTable', (source?: unknown, confirm?: unknown) => table.import(source, confirm)),
  );
}
