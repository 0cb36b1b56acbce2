import { ABBREVIATIONS } from './abbreviations';

/** A sentence-ending mark, closing quotes or brackets, white space, then what can open a sentence. */
const SENTENCE_BREAK = /[.!?…]["”’')\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, periodIndex: number): boolean {
  if (text[periodIndex] !== '.') return false;
  let wordStart = periodIndex;
  while (wordStart > 0 && !/\s/.test(text[wordStart - 1] ?? ' ')) wordStart--;
  const word = text.slice(wordStart, periodIndex).replace(/^["“‘(]+/, '');
  // "U.S." and initials such as "J." are abbreviations too.
  return word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The first sentence of a paragraph, up to and including its end mark; the whole text when it has one sentence.
 *
 * @example
 * firstSentence('Mr. Kim arrived in the U.S. on Monday. He met Putin.'); // 'Mr. Kim arrived in the U.S. on Monday.'
 */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    if (!endsWithAbbreviation(text, match.index)) return text.slice(0, match.index + match[0].length);
  }
  return text;
}
