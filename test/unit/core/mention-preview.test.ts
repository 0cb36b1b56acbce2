import * as assert from 'assert';
import * as fc from 'fast-check';
import { mentionPreview, mentionPreviewsOf } from '../../../src/core/mention-preview';

function highlighted(preview: { text: string; highlight: readonly [number, number] }): string {
  return preview.text.slice(preview.highlight[0], preview.highlight[1]);
}

describe('mentionPreview', () => {
  it('finds the line and character of a mention, with CRLF or LF line ends', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = ['Kim met the press.', '', 'Later, Vladimir Putin spoke in Moscow.'].join(newline);
      const start = text.indexOf('Vladimir Putin');
      const preview = mentionPreview(text, { start, end: start + 14 });
      assert.deepStrictEqual({ line: preview.line, character: preview.character, length: preview.length }, { line: 2, character: 7, length: 14 });
      assert.strictEqual(preview.text, 'Later, Vladimir Putin spoke in Moscow.');
      assert.strictEqual(highlighted(preview), 'Vladimir Putin');
    }
  });

  it('shortens a long line around the mention at word boundaries', () => {
    const text = `${'word '.repeat(40)}Kim Jong-un${' more'.repeat(40)}`;
    const start = text.indexOf('Kim');
    const preview = mentionPreview(text, { start, end: start + 11 }, { before: 20, after: 20 });
    assert.match(preview.text, /^…(word )+Kim Jong-un( more)+…$/);
    assert.ok(preview.text.length < 60);
    assert.strictEqual(highlighted(preview), 'Kim Jong-un');
  });

  it('keeps icon syntax as written (a tree label draws none) and collapses white space without moving the highlight', () => {
    const text = 'Price $(alert)\tof\u00a0 [x](command:evil) Putin $(bug) now';
    const start = text.indexOf('Putin');
    const preview = mentionPreview(text, { start, end: start + 5 }, { before: 60, after: 60 });
    assert.strictEqual(preview.text, 'Price $(alert) of [x](command:evil) Putin $(bug) now');
    assert.strictEqual(highlighted(preview), 'Putin');
  });

  it('isolates a right-to-left line from the line number beside it, the highlight on the name still', () => {
    const text = 'قال محمد بن سلمان في الرياض';
    const start = text.indexOf('محمد');
    const preview = mentionPreview(text, { start, end: start + 'محمد بن سلمان'.length });
    assert.strictEqual(preview.text, `\u2067${text}\u2069`);
    assert.strictEqual(highlighted(preview), 'محمد بن سلمان');
  });

  it('isolates the Arabic name inside an English line, the highlight on the name still', () => {
    const text = 'Talks with محمد بن سلمان in Riyadh';
    const start = text.indexOf('محمد');
    const preview = mentionPreview(text, { start, end: start + 'محمد بن سلمان'.length });
    assert.strictEqual(preview.text, '\u2066Talks with \u2067محمد بن سلمان\u2069 in Riyadh\u2069');
    assert.strictEqual(highlighted(preview), '\u2067محمد بن سلمان\u2069');
  });

  it('always highlights the mention itself, cleaned, wherever it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ minLength: 1, maxLength: 12 }).filter((name) => /^\S(.*\S)?$/s.test(name) && !/[\n$]/.test(name)), fc.string({ maxLength: 80 }), (before, name, after) => {
        const text = `${before} ${name} ${after}`;
        const start = before.length + 1;
        const preview = mentionPreview(text, { start, end: start + name.length }, { before: 30, after: 30 });
        assert.strictEqual(highlighted(preview), name.replace(/\s+/g, ' '));
      }),
    );
  });
});

describe('mentionPreviewsOf', () => {
  const text = 'Putin met Kim.\nLater Putin left.';
  const analyze = () => [
    { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER' as const, aliases: ['Putin'], mentions: [{ start: 0, end: 5 }, { start: 21, end: 26 }], forms: [] },
  ];

  it('previews every mention of the entity, and nothing for another entity or an article no longer indexed', () => {
    assert.deepStrictEqual(
      mentionPreviewsOf(text, 'PER:vladimir putin', analyze).map(({ line, character, length }) => [line, character, length]),
      [
        [0, 0, 5],
        [1, 6, 5],
      ],
    );
    assert.deepStrictEqual(mentionPreviewsOf(text, 'PER:kim', analyze), []);
    assert.deepStrictEqual(mentionPreviewsOf(undefined, 'PER:vladimir putin', analyze), []);
  });
});
