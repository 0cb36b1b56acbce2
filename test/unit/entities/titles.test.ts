import * as assert from 'assert';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { royalTitleCount } from '../../../src/core/entities/names';
import { dropTitles } from '../../../src/core/entities/titles';
import { tokenize } from '../../../src/core/entities/tokenizer';

describe('titles taken out of the names of people', () => {
  const per = (part: TagPart): number => tagOf(0, part);
  const org = (part: TagPart): number => tagOf(2, part);

  it('drops "Mr", "Prime Minister" and "Gen." before a name, and leaves a title alone, another type and a first name as they are', () => {
    const text = 'Mr Key met Prime Minister John Howard , Gen. Jubal and General then Dean Kamen of Major League';
    const tokens = tokenize(text);
    const tags = Uint8Array.of(
      per(TagPart.Begin), per(TagPart.Last), TAG_O,
      per(TagPart.Begin), per(TagPart.Inside), per(TagPart.Inside), per(TagPart.Last), TAG_O,
      per(TagPart.Begin), per(TagPart.Last), TAG_O,
      per(TagPart.Unit), TAG_O,
      per(TagPart.Begin), per(TagPart.Last), TAG_O,
      org(TagPart.Begin), org(TagPart.Last),
    );
    assert.strictEqual(tokens.count, tags.length);
    dropTitles(text, tokens, tags);
    assert.deepStrictEqual([...tags], [
      TAG_O, per(TagPart.Unit), TAG_O,
      TAG_O, TAG_O, per(TagPart.Begin), per(TagPart.Last), TAG_O,
      TAG_O, per(TagPart.Unit), TAG_O,
      per(TagPart.Unit), TAG_O,
      per(TagPart.Begin), per(TagPart.Last), TAG_O,
      org(TagPart.Begin), org(TagPart.Last),
    ]);
  });
});

describe('royal and noble titles before a name', () => {
  it('counts the leading titles when two words of a name remain after them', () => {
    assert.strictEqual(royalTitleCount(['crown', 'prince', 'mohammad', 'bin', 'salman']), 2);
    assert.strictEqual(royalTitleCount(['queen', 'elizabeth', 'ii']), 1);
    assert.strictEqual(royalTitleCount(['first', 'lady', 'melania', 'trump']), 2);
    assert.strictEqual(royalTitleCount(['prince', 'harry']), 0, 'one word left: the title is part of the name');
    assert.strictEqual(royalTitleCount(['first', 'melania', 'trump']), 0, '"First" only before "Lady"');
    assert.strictEqual(royalTitleCount(['mohammad', 'bin', 'salman']), 0);
  });
});
