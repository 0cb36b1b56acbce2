import * as assert from 'assert';
import { clearSpeakerLabels } from '../../../src/core/entities/speaker-labels';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { applyRule, loc, org, per } from './tag-rules';

/** Tags every capitalised token a place by itself (a name of two capitalised words one person), clears, and returns the texts that keep a tag. */
function keptAfterClearing(text: string): string[] {
  const tokens = tokenize(text);
  const tags: number[] = new Array<number>(tokens.count).fill(TAG_O);
  const word = (i: number) => text.slice(tokens.starts[i], tokens.ends[i]);
  for (let i = 0; i < tokens.count; i++) {
    if (!/^\p{Lu}/u.test(word(i))) continue;
    if (/^\p{Lu}\p{Ll}/u.test(word(i)) && /^\p{Lu}\p{Ll}/u.test(word(i + 1))) {
      tags[i] = per(TagPart.Begin);
      tags[++i] = per(TagPart.Last);
    } else tags[i] = loc(TagPart.Unit);
  }
  return applyRule(clearSpeakerLabels, text, tags).flatMap((tag, i) => (tag === TAG_O ? [] : [word(i)]));
}

describe('speaker labels', () => {
  it("clears a transcript's initials that open two or more lines before a colon", () => {
    const kept = keptAfterClearing('WN: What brought you to Iran?\n\nWSS: Work. WN was kind.\n\nWN: And Iran?\n\nWSS: Yes.');
    assert.deepStrictEqual(kept, ['What', 'Iran', 'Work', 'WN', 'And', 'Iran', 'Yes']);
  });

  it('keeps a speaker written in full, a label that opens one line only, and longer capitals', () => {
    const kept = keptAfterClearing('Dorsa Derakhshani: I left.\nDorsa Derakhshani: I came back.\nUS: 5 medals\nUK: 3 medals\nUNESCO: yes\nUNESCO: no');
    assert.deepStrictEqual(kept, ['Dorsa', 'Derakhshani', 'I', 'Dorsa', 'Derakhshani', 'I', 'US', 'UK', 'UNESCO', 'UNESCO']);
  });

  it('keeps initials that are not followed by a colon at once, or do not open the line', () => {
    const kept = keptAfterClearing('WN : one\nWN : two\nSaid WN: three\nSaid WN: four');
    assert.deepStrictEqual(kept, ['WN', 'WN', 'Said', 'WN', 'Said', 'WN']);
  });

  it('leaves initials that begin a longer name', () => {
    const text = 'WN: one\nWN: two';
    const tags = applyRule(clearSpeakerLabels, text, [org(TagPart.Begin), org(TagPart.Last), TAG_O, TAG_O, TAG_O, TAG_O]);
    assert.strictEqual(tags[0], org(TagPart.Begin));
  });
});
