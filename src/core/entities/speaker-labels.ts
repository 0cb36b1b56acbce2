import { TAG_O, TagPart, partOf } from './tags';
import { TokenBuffer, TokenFlag, TokenKind } from './tokenizer';

/** Longest label taken for a speaker's initials ("Q", "WN", "WSS"): longer capitals are names or acronyms of them. */
const MAX_LABEL_LENGTH = 4;
/** Lines a label must open to be a transcript's speaker, not a one-off line such as a table row ("US: 5 medals"). */
const MIN_LABEL_LINES = 2;

/**
 * Clears the tags of a transcript's speaker labels: initials in capitals that open two or more lines of the document,
 * followed by a colon ("WN: What is…", "WSS: I think…", the interviewer and the interviewee of a Wikinews interview).
 * The recogniser, which never saw a transcript in training, read 600 of the 612 "WN:" of the sample corpus's interviews
 * as a place, its most mentioned entity. Initials name no one the reader can look up; a speaker written in full ("Dorsa
 * Derakhshani: …") keeps its tags, and so does a label that opens one line only. Only a label tagged as a name by
 * itself is cleared, never part of a longer name.
 *
 * @example
 * clearSpeakerLabels(text, tokens, tags); // "WN: Why?\nWSS: Because.\nWN: And?": neither "WN" nor "WSS" is a name
 */
export function clearSpeakerLabels(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const labels = new Map<string, number[]>();
  for (let i = 0; i + 1 < tokens.count; i++) {
    if (!isLabel(text, tokens, i)) continue;
    const label = text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
    const lines = labels.get(label);
    if (lines) lines.push(i);
    else labels.set(label, [i]);
  }
  for (const lines of labels.values()) {
    if (lines.length < MIN_LABEL_LINES) continue;
    for (const i of lines) {
      const tag = tags[i] ?? TAG_O;
      if (tag !== TAG_O && partOf(tag) === TagPart.Unit) tags[i] = TAG_O;
    }
  }
}

/** Whether token `i` opens its line, is at most four capital letters, and a colon follows it at once. */
function isLabel(text: string, tokens: TokenBuffer, i: number): boolean {
  if (!((tokens.flags[i] ?? 0) & TokenFlag.LineStart)) return false;
  if ((tokens.kinds[i] ?? 0) !== (TokenKind.HasUpper | TokenKind.FirstUpper)) return false;
  const start = tokens.starts[i] ?? 0;
  const end = tokens.ends[i] ?? 0;
  if (end - start > MAX_LABEL_LENGTH) return false;
  return tokens.starts[i + 1] === end && text.charCodeAt(end) === 0x3a && tokens.ends[i + 1] === end + 1;
}
