// How far above the noise a change of the entity model is: a paired bootstrap over documents of the noMISC F1 of two
// models' held-out predictions on one set, the candidate's gain over main averaged over shuffles, with its 95 % interval
// (docs/entities.md quotes these intervals since the eighth issue-11 session; the script lived in /tmp until then).
// Usage: NER_DUMP=main-7.jsonl npm run bench:ner (main), the same for the candidate, then
//        npm run ner:bootstrap -- SET main-7.jsonl,candidate-7.jsonl [main-11.jsonl,candidate-11.jsonl …]
import { seededRandom } from '../src/core/random';
import { DumpLine, Evaluation, readDump } from './ner-shared';

/** Resamples of the documents; the interval is read between their 2.5th and 97.5th percentiles. */
const RESAMPLES = 2_000;
/** The resampling's seed: the same dumps give the same interval. */
const BOOTSTRAP_SEED = 12345;

/** A document's noMISC counts, as `Evaluation` scores it: gold names, predicted names, and predicted right. */
type Counts = readonly [gold: number, predicted: number, correct: number];

function countsOf(line: DumpLine): Counts {
  const evaluation = new Evaluation();
  evaluation.add({ id: line.id, text: line.text, entities: line.gold }, line.predicted);
  const overall = evaluation.scores().at(-1);
  return [overall?.gold ?? 0, overall?.predicted ?? 0, overall?.correct ?? 0];
}

/** Each document of `set` in a dump, by its id. */
function documentsOf(file: string, set: string): Map<string, Counts> {
  const documents = new Map<string, Counts>();
  for (const line of readDump(file)) {
    if (line.set !== set) continue;
    if (documents.has(line.id)) throw new Error(`News Corpus: document ${line.id} is twice in ${file}.`);
    documents.set(line.id, countsOf(line));
  }
  return documents;
}

/** F1 (in points) of the documents at `sample` (indices, repeats allowed). */
function f1Of(documents: readonly Counts[], sample: readonly number[]): number {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const i of sample) {
    const [g, p, c] = documents[i] ?? [0, 0, 0];
    gold += g;
    predicted += p;
    correct += c;
  }
  return gold + predicted === 0 ? 0 : (200 * correct) / (gold + predicted);
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;

function main(): void {
  const [set, ...pairs] = process.argv.slice(2);
  if (set === undefined || pairs.length === 0) throw new Error('News Corpus: give a set and main,candidate dump pairs (npm run ner:bootstrap -- wikigold main.jsonl,candidate.jsonl).');
  const shuffles = pairs.map((pair) => {
    const [mainFile, candidateFile] = pair.split(',');
    if (mainFile === undefined || candidateFile === undefined) throw new Error(`News Corpus: "${pair}" is not main.jsonl,candidate.jsonl.`);
    return [documentsOf(mainFile, set), documentsOf(candidateFile, set)] as const;
  });
  const ids = [...(shuffles[0]?.[0].keys() ?? [])];
  if (ids.length === 0) throw new Error(`News Corpus: no document of the set "${set}" in ${pairs[0] ?? ''}.`);
  const aligned = shuffles.map(([mainDocuments, candidateDocuments]) =>
    [mainDocuments, candidateDocuments].map((documents) =>
      ids.map((id) => {
        const counts = documents.get(id);
        if (counts === undefined) throw new Error(`News Corpus: document ${id} is missing from a dump; compare dumps of the same shuffle.`);
        return counts;
      }),
    ),
  );
  /** The candidate's F1 minus main's on `sample`, averaged over the shuffles. */
  const gain = (sample: readonly number[]) => aligned.reduce((total, [mainCounts = [], candidateCounts = []]) => total + f1Of(candidateCounts, sample) - f1Of(mainCounts, sample), 0) / aligned.length;
  const random = seededRandom(BOOTSTRAP_SEED);
  const gains = Array.from({ length: RESAMPLES }, () => gain(ids.map(() => Math.floor(random() * ids.length)))).sort((a, b) => a - b);
  const low = gains[Math.floor(RESAMPLES * 0.025) - 1] ?? Number.NaN;
  const high = gains[Math.floor(RESAMPLES * 0.975) - 1] ?? Number.NaN;
  const atMostZero = gains.filter((value) => value <= 0).length / RESAMPLES;
  const whole = gain(ids.map((_, i) => i));
  console.log(`${set}: gain ${signed(whole)} [${signed(low)}, ${signed(high)}] (95 %, ${RESAMPLES} resamples; ${(atMostZero * 100).toFixed(1)} % of them ≤ 0; ${ids.length} documents, ${aligned.length} shuffle(s))`);
}

main();
