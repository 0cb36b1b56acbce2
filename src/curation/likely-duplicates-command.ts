import * as vscode from 'vscode';
import { duplicatesSummary } from '../core/curation/correction-summary';
import { LikelyDuplicate, likelyDuplicateLabel, likelyDuplicateMerges, likelyDuplicateReason, likelyDuplicates } from '../core/curation/likely-duplicates';
import { countOf, toDisplayText } from '../core/display-text';
import { EntityDirectory } from '../core/entity-directory';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { notify } from '../notifications';
import { CorrectionFile } from './correction-file';

type PairItem = vscode.QuickPickItem & { readonly pair?: LikelyDuplicate };

function itemOf(pair: LikelyDuplicate): PairItem {
  return {
    label: toDisplayText(likelyDuplicateLabel(pair)),
    description: countOf(pair.entity.articleCount, 'article'),
    detail: toDisplayText(likelyDuplicateReason(pair)),
    picked: pair.likely,
    pair,
  };
}

/** The pairs to merge, chosen in a list where the likely ones are already ticked; undefined when cancelled. */
async function choosePairs(found: readonly LikelyDuplicate[]): Promise<readonly LikelyDuplicate[] | undefined> {
  const likely = found.filter((pair) => pair.likely);
  const possible = found.filter((pair) => !pair.likely);
  const items: PairItem[] = [
    ...(likely.length > 0 ? [{ label: 'Likely the same', kind: vscode.QuickPickItemKind.Separator }, ...likely.map(itemOf)] : []),
    ...(possible.length > 0 ? [{ label: 'Possibly the same', kind: vscode.QuickPickItemKind.Separator }, ...possible.map(itemOf)] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `News Corpus: Merge Likely Duplicates (${countOf(found.length, 'pair')})`,
    placeHolder: 'Tick the pairs to merge into the name after the arrow',
    canPickMany: true,
    matchOnDetail: true,
  });
  return picked?.flatMap((item) => item.pair ?? []);
}

/**
 * Merge Likely Duplicates (`(choice?)`): the entities of the corpus that are probably one ({@link likelyDuplicates}),
 * listed to tick, then merged in one edit of the facts file (Undo takes it all back). `'likely'` merges the likely
 * pairs and `'all'` every pair without asking, for a keybinding or a test. Resolves to the number of pairs merged.
 */
export async function mergeLikelyDuplicates(entities: Pick<EntityDirectory, 'list'>, file: CorrectionFile, choice?: unknown): Promise<number> {
  const all = ENTITY_TYPES.flatMap((type) => entities.list({ type, sort: 'articles', offset: 0, limit: entities.list({ type, sort: 'articles', offset: 0, limit: 0 }).total }).entities);
  const found = likelyDuplicates(all);
  if (found.length === 0) {
    void notify('info', `News Corpus: none of the ${countOf(all.length, 'entity', 'entities')} found so far looks like another.`);
    return 0;
  }
  const chosen = choice === 'all' ? found : choice === 'likely' ? found.filter((pair) => pair.likely) : await choosePairs(found);
  if (chosen === undefined || chosen.length === 0) return 0;
  const corrections = likelyDuplicateMerges(chosen);
  const uri = file.fileFor(corrections.flatMap((correction) => (correction.kind === 'merge' ? correction.entities : [])));
  if (!uri) {
    void notify('error', 'News Corpus: open a folder to keep corrections of its entities.');
    return 0;
  }
  return (await file.write(uri, corrections, duplicatesSummary(chosen.length))) ? chosen.length : 0;
}
