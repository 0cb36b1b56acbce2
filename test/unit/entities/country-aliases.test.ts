import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import countries from 'world-countries';
import { COUNTRY_ALIASES_FILE, countryAliasesOf, countryNameOf } from '../../../src/core/entities/country-aliases';
import { REPO_ROOT } from '../core/fixtures';

describe('country aliases', () => {
  it('are what `npm run country-aliases` makes of the installed world-countries', () => {
    const made = countryAliasesOf(countries.map(({ name, altSpellings }) => ({ common: name.common, official: name.official, spellings: altSpellings })));
    const committed: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, ...COUNTRY_ALIASES_FILE), 'utf8'));
    assert.deepStrictEqual(committed, made);
  });

  it('name the country that news writes another way, periods and case aside', () => {
    const named = ['U.S.', 'US', 'USA', 'united states of America', 'Britain', 'U.K.', 'Holland', 'DPRK', 'Republic of Korea', 'Türkiye'].map(countryNameOf);
    assert.deepStrictEqual(named, ['United States', 'United States', 'United States', 'United States', 'United Kingdom', 'United Kingdom', 'Netherlands', 'North Korea', 'South Korea', 'Turkey']);
  });

  it('leave out common names, names of two countries or within another\'s name, two-letter codes that are words, and one-word names', () => {
    for (const name of ['France', 'Turkey', 'Congo', 'IT', 'IN', 'Island', 'Mann', 'Suomi', 'Guiana', 'Virgin Islands']) assert.strictEqual(countryNameOf(name), undefined, name);
  });

  it('take an alias for one country only, and never a common name', () => {
    const aliases = countryAliasesOf([
      { common: 'Republic of the Congo', official: 'Republic of the Congo', spellings: ['Congo Republic'] },
      { common: 'DR Congo', official: 'Democratic Republic of the Congo', spellings: ['Congo Republic', 'DRC'] },
    ]);
    assert.deepStrictEqual(Object.keys(aliases).filter((key) => key.includes('congo')), ['democratic republic of the congo']);
    assert.strictEqual(aliases['drc'], 'DR Congo');
  });
});
