import { countOf, quoteName } from '../display-text';
import { ENTITY_TYPE_NAMES, aTypeName } from '../entity-directory';
import { Correction, EntityRef, MergeCorrection, entitiesMerged, keyOfRef } from '../facts/corrections';

/**
 * How the messages about a written correction name it: `done` as the confirmation says it, `doing` as the act itself
 * (a gerund phrase), which the messages of its undo are made of.
 *
 * @example
 * const summary: CorrectionSummary = { done: 'ignored "Kimura" everywhere', doing: 'ignoring "Kimura" everywhere' };
 */
export interface CorrectionSummary {
  readonly done: string;
  readonly doing: string;
}

/**
 * "A, B into C", each name quoted, with its type when the types differ: 'merged "Germany" into "Germany"' said nothing
 * of the organization and the place.
 */
function mergeNames(merged: readonly EntityRef[], into: EntityRef): string {
  const typed = merged.some((entity) => entity.type !== into.type);
  const named = (entity: EntityRef) => (typed ? `${quoteName(entity.name)} (${ENTITY_TYPE_NAMES[entity.type].one})` : quoteName(entity.name));
  return `${merged.map(named).join(', ')} into ${named(into)}`;
}

/** Where an ignore or an added name applies, as the messages say it. */
const whereOf = (article: string | undefined) => (article === undefined ? 'everywhere' : `in ${article}`);

/**
 * What the messages call one correction written by a command. Names are quoted once here; the messages put the
 * phrases in sentences without quoting them again.
 *
 * @example
 * correctionSummary({ kind: 'ignore', entity: { type: 'PER', name: 'Kimura' } }).doing; // 'ignoring "Kimura" everywhere'
 * correctionSummary({ kind: 'retype', entity: { type: 'PER', name: 'Apple' }, to: 'ORG' }).done; // '"Apple" is now an organization'
 * correctionSummary({ kind: 'merge', entities: [germanyOrg, germany], into: germany }).done; // 'merged "Germany" (organization) into "Germany" (place)'
 */
export function correctionSummary(correction: Correction): CorrectionSummary {
  switch (correction.kind) {
    case 'rename': {
      const names = `${quoteName(correction.entity.name)} to ${quoteName(correction.to)}`;
      return { done: `renamed ${names}`, doing: `renaming ${names}` };
    }
    case 'retype':
      return { done: `${quoteName(correction.entity.name)} is now ${aTypeName(correction.to)}`, doing: `making ${quoteName(correction.entity.name)} ${aTypeName(correction.to)}` };
    case 'merge': {
      const into = keyOfRef(correction.into);
      const names = mergeNames(correction.entities.filter((entity) => keyOfRef(entity) !== into), correction.into);
      return { done: `merged ${names}`, doing: `merging ${names}` };
    }
    case 'split': {
      const names = `${quoteName(correction.alias)} off ${quoteName(correction.entity.name)}`;
      return { done: `split ${names}`, doing: `splitting ${names}` };
    }
    case 'ignore': {
      const what = `${quoteName(correction.entity.name)} ${whereOf(correction.article)}`;
      return { done: `ignored ${what}`, doing: `ignoring ${what}` };
    }
    case 'add': {
      const where = whereOf(correction.article);
      return {
        done: `${quoteName(correction.entity.name)} is ${aTypeName(correction.entity.type)} ${where}`,
        doing: `marking ${quoteName(correction.entity.name)} as ${aTypeName(correction.entity.type)} ${where}`,
      };
    }
  }
}

/**
 * What the messages call an import of the entity table: its changes, written as one.
 *
 * @example
 * importSummary(3, 'entities.csv').doing; // 'importing 3 changes from entities.csv'
 */
export function importSummary(changes: number, file: string): CorrectionSummary {
  const what = `${countOf(changes, 'change')} from ${file}`;
  return { done: `imported ${what}`, doing: `importing ${what}` };
}

/**
 * What the messages call merging the likely duplicates the user chose, written as one edit: how many entities were
 * merged into others, and the first merge by name (the confirmation names it; its undo need not).
 *
 * @example
 * duplicatesSummary([{ kind: 'merge', entities: [donaldTrump, trump], into: donaldTrump }]).done; // 'merged 1 likely duplicate: "Trump" into "Donald Trump"'
 */
export function duplicatesSummary(merges: readonly MergeCorrection[]): CorrectionSummary {
  const merged = entitiesMerged(merges);
  const what = countOf(merged, 'likely duplicate');
  const [first] = merges;
  const named = first?.entities.find((entity) => keyOfRef(entity) !== keyOfRef(first.into));
  const example = first && named ? `: ${mergeNames([named], first.into)}${merged > 1 ? ` and ${merged - 1} more` : ''}` : '';
  return { done: `merged ${what}${example}`, doing: `merging ${what}` };
}

/**
 * The messages about a written correction, each to follow "News Corpus: ": its confirmation; its undo; an undo
 * refused because the facts file changed what the correction wrote; an Undo asked again once it was done (a toast's
 * button stays live in the notification centre after the correction was undone from another toast or the command);
 * and an Undo of a correction too old for the extension to remember.
 *
 * @example
 * correctionMessages(correctionSummary({ kind: 'ignore', entity: { type: 'PER', name: 'Kimura' } })).undone; // 'undid ignoring "Kimura" everywhere.'
 */
export function correctionMessages({ done, doing }: CorrectionSummary): Readonly<Record<'done' | 'undone' | 'changedSince' | 'alreadyUndone' | 'forgotten', string>> {
  return {
    done: `${done}.`,
    undone: `undid ${doing}.`,
    changedSince: `${doing} cannot be undone alone: what it wrote in the facts file was changed since. Use Undo in the facts file, or edit it.`,
    alreadyUndone: `${doing} was already undone.`,
    forgotten: `${doing} is too long ago to be undone from here. Use Undo in the facts file, or edit it.`,
  };
}
