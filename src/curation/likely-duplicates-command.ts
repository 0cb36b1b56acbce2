import * as vscode from 'vscode';
import { duplicatesSummary } from '../core/curation/correction-summary';
import { LikelyDuplicate, likelyDuplicateReason, likelyDuplicates } from '../core/curation/likely-duplicates';
import { countOf, toDisplayText } from '../core/display-text';
import { EntityDirectory } from '../core/entity-directory';
import { Correction, EntityRef, keyOfRef } from '../core/facts/corrections';
import { notify } from '../notifications';
import { CorrectionFile } from './correction-file';

type PairItem = vscode.QuickPickItem & { readonly pair?: LikelyDuplicate };

const refOf = ({ type, name }: { readonly type: EntityRef['type']; readonly name: string }): EntityRef => ({ type, name });

/** One merge per entity kept, of every chosen pair merged into it. */
function mergesOf(pairs: readonly LikelyDuplicate[]): Correction[] {
  const byInto = new Map<string, { into: EntityRef; entities: EntityRef[] }>();
  for (const { entity, into } of pairs) {
    const key = keyOfRef(into);
    const merge = byInto.get(key) ?? { into: refOf(into), entities: [refOf(into)] };
    merge.entities.push(refOf(entity));
    byInto.set(key, merge);
  }
  return [...byInto.values()].map(({ into, entities }) => ({ kind: 'merge', entities, into }));
}

function itemOf(pair: LikelyDuplicate): PairItem {
  return {
    label: `${toDisplayText(pair.entity.name)} → ${toDisplayText(pair.into.name)}`,
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
    ...(likely.length > 0 ? [{ label: 'Likely the same person', kind: vscode.QuickPickItemKind.Separator }, ...likely.map(itemOf)] : []),
    ...(possible.length > 0 ? [{ label: 'Possibly the same person', kind: vscode.QuickPickItemKind.Separator }, ...possible.map(itemOf)] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `News Corpus: Merge Likely Duplicates (${countOf(found.length, 'pair')})`,
    placeHolder: 'Tick the pairs that are one person; each is merged into the name after the arrow',
    canPickMany: true,
    matchOnDetail: true,
  });
  return picked?.flatMap((item) => item.pair ?? []);
}

/**
 * Merge Likely Duplicates (`(choice?)`): the people of the corpus that are probably one ({@link likelyDuplicates}),
 * listed to tick, then merged in one edit of the facts file (Undo takes it all back). `'likely'` merges the likely
 * pairs and `'all'` every pair without asking, for a keybinding or a test. Resolves to the number of pairs merged.
 */
export async function mergeLikelyDuplicates(entities: Pick<EntityDirectory, 'list'>, file: CorrectionFile, choice?: unknown): Promise<number> {
  const { total } = entities.list({ type: 'PER', sort: 'articles', offset: 0, limit: 0 });
  const people = entities.list({ type: 'PER', sort: 'articles', offset: 0, limit: total }).entities;
  const found = likelyDuplicates(people);
  if (found.length === 0) {
    void notify('info', `News Corpus: none of the ${countOf(people.length, 'person', 'people')} found so far looks like another.`);
    return 0;
  }
  const chosen = choice === 'all' ? found : choice === 'likely' ? found.filter((pair) => pair.likely) : await choosePairs(found);
  if (chosen === undefined || chosen.length === 0) return 0;
  const corrections = mergesOf(chosen);
  const uri = file.fileFor(corrections.flatMap((correction) => (correction.kind === 'merge' ? correction.entities : [])));
  if (!uri) {
    void notify('error', 'News Corpus: open a folder to keep corrections of its entities.');
    return 0;
  }
  return (await file.write(uri, corrections, duplicatesSummary(chosen.length))) ? chosen.length : 0;
}
