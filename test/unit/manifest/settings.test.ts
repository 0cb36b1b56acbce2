import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseArticle } from '../../../src/core/article';
import { ENTITY_TYPE_NAMES } from '../../../src/core/entity-directory';
import { ENTITY_TYPES } from '../../../src/core/search/entity-table';
import { MAX_FILE_SIZE_KB } from '../../../src/core/setting-values';
import { REPO_ROOT } from '../core/fixtures';

interface Setting {
  readonly order?: number;
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly enumItemLabels?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
const SETTINGS = manifest.contributes.configuration.properties;
const describedAs = (setting: Setting) => setting.markdownDescription ?? setting.description ?? '';
/** The character the Settings editor shows for a space that must be seen (a code span's edge space is not). */
const SHOWN_SPACE = '␣';

describe('the settings as the Settings editor shows them (package.json)', () => {
  it('contributes exactly the settings the extension reads', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'src', 'corpus', 'settings.ts'), 'utf8');
    const read = new Set([...source.matchAll(/\.get<[^>]+>\('(\w+)'\)/g)].map((match) => `newsCorpus.${match[1]}`));
    assert.deepStrictEqual([...read].sort(), Object.keys(SETTINGS).sort());
  });

  it('lists the settings in the order of the README table, what is read first, not alphabetically as the Settings editor does without an order', () => {
    // Without `order`, "Date Order", "Exclude" and "Highlight…" came before "Include", the setting a new user looks for first.
    const documented = [...readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/^\| `(newsCorpus\.\w+)` \|/gm)].map((match) => match[1]);
    const shown = Object.entries(SETTINGS)
      .sort(([, a], [, b]) => (a.order ?? Infinity) - (b.order ?? Infinity))
      .map(([name, setting]) => `${setting.order ?? 'no order'} ${name}`);
    assert.deepStrictEqual(shown, documented.map((name, at) => `${at + 1} ${name}`));
  });

  it('gives every choice of a setting a label and a description, not its raw value alone', () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      if (!setting.enum) continue;
      assert.strictEqual(setting.enumItemLabels?.length, setting.enum.length, `${name}: enumItemLabels`);
      assert.strictEqual(setting.enumDescriptions?.length, setting.enum.length, `${name}: enumDescriptions`);
    }
  });

  it('never starts or ends a code span with a space, which would not show', () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      for (const [span] of describedAs(setting).matchAll(/`[^`]*`/g)) assert.doesNotMatch(span, /^` |\s`$/, `${name}: ${span}`);
    }
  });

  it('shows the article header as the parser reads it', () => {
    const example = /`(␣date␣[^`]+)`/.exec(describedAs(SETTINGS['newsCorpus.include'] ?? {}))?.[1];
    assert.ok(example, 'the include setting shows the header with its spaces');
    const article = parseArticle(`${example.replaceAll(SHOWN_SPACE, ' ')} Kim Jong-un arrived in Russia.`);
    assert.ok(article.hasDateHeader && article.date === '2023-09-13', example);
  });

  it('takes counts and sizes as whole numbers, and the file size up to the limit the extension reads, which it gives', () => {
    // Typed "number", 2.5 results or 1.5 KB were taken without a word; with no maximum, 99999999 KB too.
    for (const name of ['newsCorpus.searchResults', 'newsCorpus.maxFileSizeKB']) assert.strictEqual(SETTINGS[name]?.type, 'integer', name);
    const maxFileSize = SETTINGS['newsCorpus.maxFileSizeKB'] ?? {};
    assert.strictEqual(maxFileSize.maximum, MAX_FILE_SIZE_KB);
    assert.ok(describedAs(maxFileSize).includes(`At most ${MAX_FILE_SIZE_KB} `), describedAs(maxFileSize));
  });

  it('names every entity type that Highlight Entities colours, as the views name them', () => {
    const description = describedAs(SETTINGS['newsCorpus.highlightEntities'] ?? {});
    for (const type of ENTITY_TYPES) assert.ok(description.includes(ENTITY_TYPE_NAMES[type].many), `${ENTITY_TYPE_NAMES[type].many} in "${description}"`);
  });
});
