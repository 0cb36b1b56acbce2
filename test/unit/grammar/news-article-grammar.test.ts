// The News Article grammar (syntaxes/news-article.tmLanguage.json) tokenised as VS Code tokenises it: with
// vscode-textmate and the Oniguruma regular expressions of vscode-oniguruma, in plain Node.
import * as assert from 'assert';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';
import { REPO_ROOT } from '../core/fixtures';

const SCOPE = 'text.news-article';

async function loadGrammar(): Promise<IGrammar> {
  const wasm = await readFile(path.join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarPath = path.join(REPO_ROOT, 'syntaxes', 'news-article.tmLanguage.json');
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => oniguruma.createOnigScanner(patterns), createOnigString: (text) => oniguruma.createOnigString(text) }),
    loadGrammar: async (scopeName) => (scopeName === SCOPE ? parseRawGrammar(await readFile(grammarPath, 'utf8'), grammarPath) : null),
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
      'constant.other.relative-date: this Tuesday (12)',
      'constant.other.relative-date: yesterday',
    ]);
    assert.deepStrictEqual(tokensOf(grammar, 'On September 13, 2023 and 4 July 2024.'), ['constant.other.date: September 13, 2023', 'constant.other.date: 4 July 2024']);
    assert.deepStrictEqual(tokensOf(grammar, 'Mondayitis is not a day; todays neither.'), []);
  });
});
