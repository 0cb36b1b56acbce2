import * as vscode from 'vscode';
import { duplicatesSummary } from '../core/curation/correction-summary';
import { LikelyDuplicate, likelyDuplicateLabel, likelyDuplicateMerges, likelyDuplicateReason, likelyDuplicates } from '../core/curation/likely-duplicates';
import { countOf, toDisplayText } from '../core/display-text';
import { EntityDirectory, everyEntity } from '../core/entity-directory';
import { MergeCorrection, entitiesMerged } from '../core/facts/corrections';
import { notify } from '../notifications';
import { CorrectionFile } from './correction-file';

type PairItem = vscode.QuickPickItem & { readonly pair?: LikelyDuplicate };

/** What makes a pair, beside its names in the list. */
const REASON_WORDS: Readonly<Record<LikelyDuplicate['reason'], string>> = { familyName: 'name alone', middleName: 'middle name', sameName: 'other type', acronym: 'initials' };

function itemOf(pair: LikelyDuplicate): PairItem {
  return { label: toDisplayText(likelyDuplicateLabel(pair)), description: REASON_WORDS[pair.reason], detail: toDisplayText(likelyDuplicateReason(pair)), picked: pair.likely, pair };
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
    placeHolder: 'Tick the pairs that are one; OK merges every ticked pair',
    canPickMany: true,
    matchOnDetail: true,
  });
  return picked?.flatMap((item) => item.pair ?? []);
}

/**
 * Merge Likely Duplicates (`(choice?)`): the entities of the corpus that are probably one ({@link likelyDuplicates}),
 * listed to tick, then merged into the facts file, one edit per file (Undo takes it back). Each merge goes to the file
 * that already has an entry for one of its entities, as any correction does: over several workspace folders, a merge
 * written elsewhere would be shadowed by that entry. `'likely'` merges the likely pairs and `'all'` every pair without
 * asking, for a keybinding or a test. Resolves to the number of entities merged into others.
 */
export async function mergeLikelyDuplicates(entities: Pick<EntityDirectory, 'typeCounts' | 'list'>, file: CorrectionFile, choice?: unknown): Promise<number> {
  const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Corpus: finding likely duplicates' }, async () => {
    // Let the progress show before the work, which keeps the extension host busy until it is done.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return likelyDuplicates(everyEntity(entities, 'articles'));
  });
  if (found.length === 0) {
    void notify('info', 'News Corpus: no two entities found so far look like one.');
    return 0;
  }
  const chosen = choice === 'all' ? found : choice === 'likely' ? found.filter((pair) => pair.likely) : await choosePairs(found);
  if (chosen === undefined) return 0;
  if (chosen.length === 0) {
    void notify('info', 'News Corpus: no pair was ticked, so nothing was merged.');
    return 0;
  }
  const byFile = new Map<string, { readonly uri: vscode.Uri; readonly merges: MergeCorrection[] }>();
  for (const merge of likelyDuplicateMerges(chosen)) {
    const uri = file.fileFor(merge.entities);
    if (!uri) {
      void notify('error', 'News Corpus: open a folder to keep corrections of its entities.');
      return 0;
    }
    const group = byFile.get(uri.toString()) ?? { uri, merges: [] };
    group.merges.push(merge);
    byFile.set(uri.toString(), group);
  }
  let merged = 0;
  for (const { uri, merges } of byFile.values()) {
    if (await file.write(uri, merges, duplicatesSummary(merges))) merged += entitiesMerged(merges);
  }
  return merged;
}
