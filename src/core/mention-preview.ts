import { shortenAtWord, toTreeText } from './display-text';
import { ArticleEntity } from './entities/types';

/**
 * Characters of context kept before and after a mention in its preview: little before, so that the name
 * stays in sight in a narrow side bar, which cuts long labels at the end.
 *
 * @example
 * mentionPreview(text, { start, end }, PREVIEW_CONTEXT);
 */
export const PREVIEW_CONTEXT = { before: 24, after: 80 } as const;

/** Marks the mention while the preview is cleaned, so that its offsets survive the cleaning (never in article text that matters). */
const OPEN_MARK = '\uE000';
const CLOSE_MARK = '\uE001';

/**
 * A mention as a line of text to show in a list: where it is (line and character, zero-based, in the
 * text's own lines whatever their line ends) and a preview of its line, cleaned for display, with the
 * mention's place in the preview.
 *
 * @example
 * const preview: MentionPreview = { line: 2, character: 10, length: 5, text: '…the talks, Putin said.', highlight: [12, 17] };
 */
export interface MentionPreview {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly text: string;
  readonly highlight: readonly [number, number];
}

/**
 * The preview of the mention at `[start, end)` of `text`: its line, shortened to `context` characters
 * before and after it (cut at a word boundary, with an ellipsis), white space collapsed and right-to-left text
 * isolated as in every tree label ({@link toTreeText}).
 *
 * @example
 * mentionPreview('Kim met\nVladimir Putin in Moscow.', { start: 8, end: 22 });
 * // { line: 1, character: 0, length: 14, text: 'Vladimir Putin in Moscow.', highlight: [0, 14] }
 */
export function mentionPreview(
  text: string,
  mention: { readonly start: number; readonly end: number },
  context: { readonly before: number; readonly after: number } = PREVIEW_CONTEXT,
): MentionPreview {
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  const newline = text.indexOf('\n', mention.end);
  const lineEnd = newline === -1 ? text.length : newline;
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < lineStart; at = text.indexOf('\n', at + 1)) line++;
  const before = cutBefore(text.slice(lineStart, mention.start), context.before);
  const after = shortenAtWord(text.slice(mention.end, lineEnd), context.after);
  const marked = toTreeText(`${before}${OPEN_MARK}${text.slice(mention.start, mention.end)}${CLOSE_MARK}${after}`);
  const open = marked.indexOf(OPEN_MARK);
  const close = marked.indexOf(CLOSE_MARK) - 1;
  return {
    line,
    character: mention.start - lineStart,
    length: mention.end - mention.start,
    text: marked.replace(OPEN_MARK, '').replace(CLOSE_MARK, ''),
    highlight: [open, close],
  };
}

function cutBefore(text: string, context: number): string {
  if (text.length <= context) return text;
  const tail = text.slice(text.length - context);
  const space = tail.indexOf(' ');
  return `…${space === -1 ? tail : tail.slice(space + 1)}`;
}

/**
 * The mentions of the entity `key` in an article's indexed text, found by the recogniser as the index found
 * them, as previews; none when the article is no longer indexed. The Entities view lists them, references and
 * definitions go to them.
 *
 * @example
 * mentionPreviewsOf(directory.articleText(id), 'PER:sergei lavrov', analyze); // [{ line: 8, character: 94, length: 13, … }]
 */
export function mentionPreviewsOf(text: string | undefined, key: string, analyze: (text: string) => readonly ArticleEntity[]): MentionPreview[] {
  if (text === undefined) return [];
  return (analyze(text).find((entity) => entity.key === key)?.mentions ?? []).map((mention) => mentionPreview(text, mention));
}
