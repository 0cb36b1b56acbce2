import * as assert from 'assert';
import { FeatureContext } from '../../../src/core/entities/features';
import { clearHeadings } from '../../../src/core/entities/headings';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';

const ORG_UNIT = tagOf(2, TagPart.Unit);

/** Every token tagged as if the recogniser took each one for an entity; returns the tokens' texts that keep a tag. */
function keptAfterClearing(text: string): string[] {
  const tokens = tokenize(text);
  const context = new FeatureContext();
  context.prepare(text, tokens);
  const tags = new Uint8Array(tokens.count).fill(ORG_UNIT);
  clearHeadings(tokens, context, tags);
  const kept: string[] = [];
  for (let i = 0; i < tokens.count; i++) if (tags[i] !== TAG_O) kept.push(text.slice(tokens.starts[i], tokens.ends[i]));
  return kept;
}

describe('heading lines', () => {
  it('clears a short line whose capitalised words the document writes in lower case', () => {
    const kept = keptAfterClearing('Method\nThe method was new.\nMaterials and Methods\nWe list the materials and methods.');
    assert.ok(!kept.includes('Method'));
    assert.ok(!kept.includes('Materials'));
    assert.ok(!kept.includes('Methods'));
    assert.ok(kept.includes('The'));
  });

  it('keeps a name alone on a line, and a long line', () => {
    const kept = keptAfterClearing('Barack Obama\nObama spoke.\nThe Method of the Study of Methods in the method\n');
    assert.ok(kept.includes('Barack') && kept.includes('Obama'));
    assert.ok(kept.includes('Method'));
  });
});
