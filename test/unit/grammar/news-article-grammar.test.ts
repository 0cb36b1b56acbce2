// The News Article grammar (syntaxes/news-article.tmLanguage.json) tokenised as VS Code tokenises it: with
// vscode-textmate and the Oniguruma regular expressions of vscode-oniguruma, in plain Node.
import * as assert from 'assert';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';
import { COLOURED_IN_EVERY_BUILT_IN_THEME, selects } from '../../support/theme-scopes';
import { REPO_ROOT } from '../core/fixtures';

const SCOPE = 'text.news-article';
const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'news-article.tmLanguage.json');

/** The scopes (`name`) a part of the grammar gives text, its captures' and nested patterns' included. */
function scopesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scopesIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'name' && typeof value === 'string' ? [value] : scopesIn(value)));
}

async function loadGrammar(): Promise<IGrammar> {
  const wasm = await readFile(path.join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => oniguruma.createOnigScanner(patterns), createOnigString: (text) => oniguruma.createOnigString(text) }),
    loadGrammar: async (scopeName) => (scopeName === SCOPE ? parseRawGrammar(await readFile(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
  });
  const grammar = await registry.loadGrammar(SCOPE);
  assert.ok(grammar, 'the grammar loads');
  return grammar;
}

/**
 * Each coloured piece of `text` as `scope: text`, line by line, naming the innermost scope below the root;
 * neighbouring tokens of one scope (a quotation's marks and its words) are one piece.
 */
function tokensOf(grammar: IGrammar, text: string): string[] {
  const found: string[] = [];
  let state: StateStack = INITIAL;
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    let previous: { scope: string; start: number; end: number } | undefined;
    const flush = () => {
      if (previous && previous.scope !== SCOPE) found.push(`${previous.scope.replace(/\.news-article$/, '')}: ${line.slice(previous.start, previous.end)}`);
    };
    for (const token of tokens) {
      const scope = token.scopes[token.scopes.length - 1] ?? SCOPE;
      if (previous?.scope === scope && previous.end === token.startIndex) {
        previous.end = token.endIndex;
        continue;
      }
      flush();
      previous = { scope, start: token.startIndex, end: token.endIndex };
    }
    flush();
  }
  return found;
}

describe('the News Article grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('colours the date header of the first line only, with or without a byte-order mark', () => {
    assert.deepStrictEqual(tokensOf(grammar, ' date 2023-09-13 North Korean dictator'), ['keyword.other.date-header: date', 'constant.numeric.date: 2023-09-13']);
    assert.deepStrictEqual(tokensOf(grammar, '\uFEFF date 2023-02-30 An impossible date'), ['keyword.other.date-header: date', 'constant.numeric.date: 2023-02-30']);
    assert.deepStrictEqual(tokensOf(grammar, 'First paragraph.\n date 2023-09-13 is not a header here'), []);
  });

  it('colours site boilerplate and photo captions as comments', () => {
    assert.deepStrictEqual(tokensOf(grammar, 'How did you feel about the content of this article?'), ['comment.line.boilerplate: How did you feel about the content of this article?']);
    const caption = 'Kim Jong-un being received at the railway station | Photo: Reproduction/EFE';
    assert.deepStrictEqual(tokensOf(grammar, caption), [`comment.line.caption: ${caption}`]);
    assert.deepStrictEqual(tokensOf(grammar, 'Prices | rose'), []);
  });

  it('colours a speaker label of an interview, not a colon inside a sentence', () => {
    assert.deepStrictEqual(tokensOf(grammar, 'WN: What happened next?'), ['entity.name.tag.speaker: WN']);
    assert.deepStrictEqual(tokensOf(grammar, 'Jimmy Wales: We started in 2001.'), ['entity.name.tag.speaker: Jimmy Wales']);
    assert.deepStrictEqual(tokensOf(grammar, 'He said: no.'), []);
  });

  it('colours quotations, typographic and straight, closing an unclosed one at the end of its line', () => {
    assert.deepStrictEqual(tokensOf(grammar, 'Putin is “begging for help”. Then'), ['string.quoted.double: “begging for help”']);
    assert.deepStrictEqual(tokensOf(grammar, 'He said "no" twice'), ['string.quoted.double: "no"']);
    assert.deepStrictEqual(tokensOf(grammar, '“an open quote\nnext line'), ['string.quoted.double: “an open quote']);
  });

  it('colours dates relative to the article and written dates', () => {
    assert.deepStrictEqual(tokensOf(grammar, 'Kim arrived this Tuesday (12) and left yesterday.'), [
      'constant.language.relative-date: this Tuesday (12)',
      'constant.language.relative-date: yesterday',
    ]);
    assert.deepStrictEqual(tokensOf(grammar, 'On September 13, 2023 and 4 July 2024.'), ['constant.numeric.date: September 13, 2023', 'constant.numeric.date: 4 July 2024']);
    assert.deepStrictEqual(tokensOf(grammar, 'Mondayitis is not a day; todays neither.'), []);
  });

  it('colours a day before May as a written date, but not the verb after a number', () => {
    assert.deepStrictEqual(tokensOf(grammar, 'Polls close on 4 May 2024; May 5 too.'), ['constant.numeric.date: 4 May 2024', 'constant.numeric.date: May 5']);
    assert.deepStrictEqual(tokensOf(grammar, 'Rule 4 may apply.'), []);
  });

  it('colours the header, relative and written dates, a quotation, a speaker and a caption of one article', () => {
    // The article QA opened in each theme: dates were plain text in Light Modern, Dark Modern and High Contrast.
    const shown = tokensOf(grammar, ' date 2024-03-01 The talks began on Tuesday (27).\nLast Friday, on February 29, he said "no".\nWN: Why?\nA crowd | Photo: EFE');
    assert.deepStrictEqual(shown, [
      'keyword.other.date-header: date',
      'constant.numeric.date: 2024-03-01',
      'constant.language.relative-date: on Tuesday (27)',
      'constant.language.relative-date: Last Friday',
      'constant.numeric.date: February 29',
      'string.quoted.double: "no"',
      'entity.name.tag.speaker: WN',
      'comment.line.caption: A crowd | Photo: EFE',
    ]);
  });

  it('gives only scopes that every built-in theme colours', async () => {
    const { repository } = JSON.parse(await readFile(GRAMMAR_PATH, 'utf8')) as { repository: Record<string, unknown> };
    const scopes = Object.entries(repository).flatMap(([rule, body]) => scopesIn(body).map((scope) => `${rule}: ${scope}`));
    assert.strictEqual(scopes.length, 9, scopes.join('\n'));
    const plain = scopes.filter((named) => !COLOURED_IN_EVERY_BUILT_IN_THEME.some((root) => selects(root, named.slice(named.indexOf(': ') + 2))));
    assert.deepStrictEqual(plain, [], 'shown as plain text by at least one built-in theme');
  });
});
