// Sorts the errors of held-out predictions into classes, with counts and the most frequent names of each, so
// that work on the entity model starts from the largest class (docs/entities.md, "Error classes").
// Usage: NER_DUMP=held-out.jsonl npm run bench:ner, then npm run ner:errors -- held-out.jsonl [set] [examples per class]
import { DumpLine, readDump } from './ner-shared';

/** Names shown per class by default: enough to see the pattern, few enough to read. */
const DEFAULT_EXAMPLES = 15;
const SCORED: ReadonlySet<string> = new Set(['PER', 'LOC', 'ORG']);

interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly text: string;
}

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end && !sameSpan(a, b);

/** How a predicted span that overlaps gold names with other edges differs from them. */
function boundaryKind(predicted: Span, gold: readonly Span[]): string {
  const first = gold[0];
  if (first === undefined) return 'crossing';
  if (gold.length > 1) return `covering ${gold.length} gold names`;
  if (predicted.start <= first.start && predicted.end >= first.end) return `longer than gold ${first.type}`;
  if (predicted.start >= first.start && predicted.end <= first.end) return `shorter than gold ${first.type}`;
  return `crossing gold ${first.type}`;
}

/**
 * The error class of every false positive and false negative of a document under the scoring of `bench:ner`
 * (exact span and type, PER/LOC/ORG; MISC is not scored, so a PER/LOC/ORG prediction on a gold MISC name is
 * a false positive). A type confusion or a boundary error counts once, from the predicted side.
 */
function classify(line: DumpLine, add: (errorClass: string, example: string) => void): void {
  for (const predicted of line.predicted) {
    if (!SCORED.has(predicted.type)) continue;
    const exact = line.gold.find((gold) => sameSpan(gold, predicted));
    if (exact?.type === predicted.type) continue;
    if (exact !== undefined) {
      add(exact.type === 'MISC' ? `FP ${predicted.type} on a gold MISC name` : `type: gold ${exact.type} predicted ${predicted.type}`, predicted.text);
      continue;
    }
    const crossed = line.gold.filter((gold) => overlaps(gold, predicted));
    if (crossed.length > 0) add(`boundary: predicted ${predicted.type} ${boundaryKind(predicted, crossed)}`, `${predicted.text} / ${crossed.map((gold) => gold.text).join(' + ')}`);
    else add(`FP ${predicted.type}, no gold name there`, predicted.text);
  }
  for (const gold of line.gold) {
    if (!SCORED.has(gold.type)) continue;
    if (line.predicted.some((predicted) => sameSpan(gold, predicted) || overlaps(gold, predicted))) continue;
    add(`FN ${gold.type}, nothing predicted there`, gold.text);
  }
}

const [file, onlySet, examplesArgument] = process.argv.slice(2);
if (file === undefined) throw new Error('News Corpus: give the NER_DUMP file to analyse (npm run ner:errors -- held-out.jsonl [set])');
const examples = Number(examplesArgument ?? DEFAULT_EXAMPLES);
const lines = readDump(file).filter((line) => onlySet === undefined || line.set === onlySet);
const bySet = new Map<string, Map<string, Map<string, number>>>();
for (const line of lines) {
  const classes = bySet.get(line.set) ?? new Map<string, Map<string, number>>();
  bySet.set(line.set, classes);
  classify(line, (errorClass, example) => {
    const names = classes.get(errorClass) ?? new Map<string, number>();
    classes.set(errorClass, names);
    names.set(example, (names.get(example) ?? 0) + 1);
  });
}
const total = (names: ReadonlyMap<string, number>): number => [...names.values()].reduce((sum, count) => sum + count, 0);
for (const [set, classes] of bySet) {
  const all = [...classes.values()].reduce((sum, names) => sum + total(names), 0);
  console.log(`\n${set}: ${all} errors (a type or boundary error counted once)`);
  for (const [errorClass, names] of [...classes].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))) {
    const top = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, examples);
    console.log(`${String(total(names)).padStart(6)}  ${errorClass}`);
    console.log(`        ${top.map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(' · ')}`);
  }
}
