/**
 * Words written with a period that does not end the sentence ("Mr. Putin", "Acme Corp.", "Sept. 13"),
 * in lower case, without the period. One list for the sentence splitter and the entity tokenizer, so
 * titles and entities agree on where a sentence ends. The entity model was trained with this list:
 * changing it means retraining (`npm run train`).
 *
 * @example
 * ABBREVIATIONS.has('corp'); // true
 * ABBREVIATIONS.has('putin'); // false
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'mt', 'ft', 'no', 'nos', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'plc', 'bros',
  'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'gov', 'sen', 'rep', 'rev', 'prof', 'pres', 'supt', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ave', 'blvd', 'dept', 'est', 'approx',
  'fig', 'op', 'vol', 'ed', 'eds', 'univ', 'assn', 'intl', 'cie', 'ag', 'sa', 'nv', 'bhd', 'pty', 'cos', 'calif', 'fla',
  'mass', 'penn', 'conn', 'wash', 'ariz', 'colo', 'tenn', 'ky', 'ill', 'ind', 'mich', 'minn', 'wis', 'okla', 'ore', 'va',
]);
