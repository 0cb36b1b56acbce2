// Writes src/core/entities/country-aliases.json: the other names of each country (official names, alternative
// spellings, "US", "UK") with the common name they stand for, so that merging makes "U.S.", "US" and "United States"
// one place. From `world-countries` (a dev dependency; the JSON is committed and bundled, the package never is).
// Run it with `npm run country-aliases` after updating the package; a unit test checks the file against it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'world-countries';
import { COUNTRY_ALIASES_FILE, countryAliasesOf } from '../src/core/entities/country-aliases';

// Bundled into out/scripts: the repository is two folders up.
const file = join(__dirname, '..', '..', ...COUNTRY_ALIASES_FILE);
const aliases = countryAliasesOf(countries.map(({ name, altSpellings }) => ({ common: name.common, official: name.official, spellings: altSpellings })));
writeFileSync(file, `${JSON.stringify(aliases, null, 1)}\n`);
console.log(`News Corpus: ${Object.keys(aliases).length} country aliases written to ${file}`);
