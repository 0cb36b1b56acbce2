import ALIASES from './country-aliases.json';
import { identityOfDisplay } from './names';

/**
 * Where the aliases are kept, from the repository's root: written by `npm run country-aliases`, bundled with the code.
 *
 * @example
 * path.join(root, ...COUNTRY_ALIASES_FILE); // '<root>/src/core/entities/country-aliases.json'
 */
export const COUNTRY_ALIASES_FILE = ['src', 'core', 'entities', 'country-aliases.json'] as const;

/**
 * Names news writes for a country that the data gives in another form or not at all: "Britain", "Holland", "Burma",
 * and "US" and "UK" (other two-letter codes are left out: "IT", "IN", "NO" are words too). Written as the data's common
 * name, or as {@link NEWS_NAMES} renames it.
 */
const EXTRA_ALIASES: Readonly<Record<string, string>> = { Britain: 'United Kingdom', Holland: 'Netherlands', Burma: 'Myanmar', US: 'United States', UK: 'United Kingdom' };

/** Common names of the data that English news does not write: the country is named as news names it. */
const NEWS_NAMES: Readonly<Record<string, string>> = { Türkiye: 'Turkey' };

/** A country as the data package gives it: its common name, official name and alternative spellings. */
interface CountryNames {
  readonly common: string;
  readonly official: string;
  readonly spellings: readonly string[];
}

/** What an alias is looked up by: its identity without periods ("U.S." and "US" alike). */
function aliasKey(name: string): string {
  return identityOfDisplay(name).replaceAll('.', '');
}

/**
 * Whether an alternative spelling is safe to take for the country: several words ("Republic of Korea"), or an acronym
 * of three capitals or more ("USA", "DPRK"). A single word in the country's own language may be an English word or
 * name too ("Island" for Iceland, "Mann" for the Isle of Man). Latin script only, no comma ("Korea, Republic of" is a
 * catalogue's order, not the text's).
 */
function isSafeSpelling(spelling: string): boolean {
  if (!/^\p{Script=Latin}[\p{Script=Latin}\p{M} .'-]+$/u.test(spelling)) return false;
  return spelling.includes(' ') || /^[A-Z]{3,}$/u.test(spelling);
}

/**
 * The alias table of `countries`: each other name, by {@link aliasKey}, with the name the country goes by. A name that
 * would stand for two countries ("Congo"), or is part of another's common name ("Virgin Islands"), and a country's own
 * common name are never aliases.
 *
 * @example
 * countryAliasesOf([{ common: 'United States', official: 'United States of America', spellings: ['US', 'USA'] }]);
 * // { 'united states of america': 'United States', usa: 'United States', us: 'United States', uk: …, britain: … }
 */
export function countryAliasesOf(countries: readonly CountryNames[]): Record<string, string> {
  const named = (common: string) => NEWS_NAMES[common] ?? common;
  const common = new Set(countries.map((country) => aliasKey(named(country.common))));
  const found = new Map<string, Set<string>>();
  const add = (alias: string, country: string) => {
    const key = aliasKey(alias);
    if (!common.has(key)) found.set(key, (found.get(key) ?? new Set()).add(country));
  };
  for (const country of countries) {
    const name = named(country.common);
    if (name !== country.common) add(country.common, name);
    for (const other of [country.official, ...country.spellings].filter(isSafeSpelling)) add(other, name);
  }
  for (const [alias, country] of Object.entries(EXTRA_ALIASES)) add(alias, named(country));
  // "Virgin Islands", the official name of the British ones, is also what US news calls its own.
  const withinCommon = (key: string, country: string) => [...common].some((other) => other !== aliasKey(country) && ` ${other} `.includes(` ${key} `));
  const aliases: Record<string, string> = {};
  for (const key of [...found.keys()].sort()) {
    const countriesNamed = [...(found.get(key) ?? [])];
    const country = countriesNamed[0];
    if (countriesNamed.length === 1 && country !== undefined && !withinCommon(key, country)) aliases[key] = country;
  }
  return aliases;
}

const BY_ALIAS = new Map<string, string>(Object.entries(ALIASES));

/**
 * The common name of the country that `name` is another name of, or undefined ("U.S." → "United States"; "France",
 * a common name itself, → undefined).
 *
 * @example
 * countryNameOf('U.S.');   // 'United States'
 * countryNameOf('Britain'); // 'United Kingdom'
 * countryNameOf('UAE');     // 'United Arab Emirates'
 */
export function countryNameOf(name: string): string | undefined {
  return BY_ALIAS.get(aliasKey(name));
}
