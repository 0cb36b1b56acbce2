import * as vscode from 'vscode';
import { importSummary } from '../core/curation/correction-summary';
import { countOf, toDisplayText } from '../core/display-text';
import { EntityDirectory } from '../core/entity-directory';
import { EntityRef } from '../core/facts/corrections';
import { entityTableRows, formatEntityTable } from '../core/facts/entity-table';
import { ImportError, importEntityTable, TableImport } from '../core/facts/table-import';
import { reasonOf } from '../core/messages';
import { exportFormatOf } from '../core/search-workflow/result-export';
import { notify, notifyWritten } from '../notifications';
import { CorrectionFile } from './correction-file';

/** What the entity table is made of: the corpus's entities as the views show them (corrected). */
export interface EntityTableDeps {
  readonly entities: Pick<EntityDirectory, 'typeCounts' | 'list' | 'roles'>;
}

/** Errors listed in a notification before "and N more". */
const ERRORS_SHOWN = 3;
const DEFAULT_FILE_NAME = 'entities.csv';

function errorsText(errors: readonly ImportError[]): string {
  const shown = errors.slice(0, ERRORS_SHOWN).map((error) => `line ${error.line}: ${error.message}`);
  if (errors.length > ERRORS_SHOWN) shown.push(`and ${errors.length - ERRORS_SHOWN} more`);
  return shown.join('; ');
}

function entitiesOf(result: TableImport): EntityRef[] {
  return result.changes.map(({ correction }) => (correction.kind === 'merge' ? correction.into : correction.entity));
}

/**
 * Export Entity Table (`(target?)`: the file, else a save dialog; CSV or JSON by its name) and Import Entity
 * Table (`(source?, 'apply'?)`: the CSV, else an open dialog; `'apply'` skips the preview).
 */
export class EntityTableCommands {
  constructor(
    private readonly deps: EntityTableDeps,
    private readonly file: CorrectionFile,
  ) {}

  /** Writes every entity with its type, aliases, counts, dates and roles; resolves to the number of rows. */
  async export(target?: unknown): Promise<number | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            title: 'News Corpus: Export Entity Table',
            saveLabel: 'Export',
            filters: { CSV: ['csv'], JSON: ['json'] },
            ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, DEFAULT_FILE_NAME) } : {}),
          });
    if (!uri) return undefined;
    const rows = entityTableRows(this.deps.entities);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatEntityTable(rows, exportFormatOf(uri.path))));
    } catch (error) {
      void notify('error', `News Corpus: could not write ${vscode.workspace.asRelativePath(uri)}: ${reasonOf(error)}`);
      return undefined;
    }
    notifyWritten(`News Corpus: exported ${countOf(rows.length, 'row')} to ${vscode.workspace.asRelativePath(uri)}.`, uri);
    return rows.length;
  }

  /**
   * Reads a corrected table, shows what would change (rows with errors are listed and skipped), and on Apply
   * writes every change in one edit of the facts file, or none. Resolves to the result, or undefined when cancelled.
   */
  async import(source?: unknown, confirm?: unknown): Promise<TableImport | undefined> {
    const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({ title: 'News Corpus: Import Entity Table', openLabel: 'Preview Import', filters: { CSV: ['csv', 'txt', 'tsv'] }, canSelectMany: false }))?.[0];
    if (!uri) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      void notify('error', `News Corpus: could not read ${vscode.workspace.asRelativePath(uri)}: ${reasonOf(error)}`);
      return undefined;
    }
    const result = importEntityTable(text, entityTableRows(this.deps.entities));
    const skipped = result.errors.length > 0 ? ` ${countOf(result.errors.length, 'row')} skipped: ${errorsText(result.errors)}.` : '';
    if (result.changes.length === 0) {
      void notify(result.errors.length > 0 ? 'warning' : 'info', `News Corpus: nothing to change from ${vscode.workspace.asRelativePath(uri)}.${skipped}`);
      return result;
    }
    if (confirm !== 'apply' && !(await preview(result))) return undefined;
    const file = this.file.fileFor(entitiesOf(result));
    if (!file) {
      void notify('error', 'News Corpus: open a folder to keep corrections of its entities.');
      return undefined;
    }
    const written = await this.file.write(file, result.changes.map(({ correction }) => correction), importSummary(result.changes.length, vscode.workspace.asRelativePath(uri)));
    if (written && skipped !== '') void notify('warning', `News Corpus: import of ${vscode.workspace.asRelativePath(uri)}:${skipped}`);
    return written ? result : undefined;
  }
}

/** Lists the changes and the skipped rows; resolves to whether the user chose Apply. */
async function preview(result: TableImport): Promise<boolean> {
  type Item = vscode.QuickPickItem & { apply?: boolean };
  const items: Item[] = [
    { label: `$(check) Apply ${countOf(result.changes.length, 'Change')}`, detail: 'Written to the facts file in one edit (Undo takes it all back)', apply: true },
    { label: '$(close) Cancel', apply: false },
    { label: 'Changes', kind: vscode.QuickPickItemKind.Separator },
    ...result.changes.map(({ line, text }) => ({ label: toDisplayText(text), description: `line ${line}` })),
  ];
  if (result.errors.length > 0) {
    items.push({ label: 'Skipped rows', kind: vscode.QuickPickItemKind.Separator }, ...result.errors.map(({ line, message }) => ({ label: `$(warning) ${toDisplayText(message)}`, description: `line ${line}` })));
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'News Corpus: Import Entity Table — Preview', placeHolder: 'Apply these changes to the facts file?' });
  return picked?.apply === true;
}
