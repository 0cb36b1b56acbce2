import { hasWhiteSpace } from './chars';
import { EntitySpan } from './types';

/**
 * Words that are never a named entity on their own, lower case: pronouns, determiners, days, months,
 * and the boilerplate scrapers leave in articles. Statistical taggers still label them now and then
 * (a capitalised "He" at a sentence start, "Photo" in a caption), and users judge the product by them.
 */
const NEVER_ALONE = new Set([
  // pronouns and determiners
  'i', 'me', 'my', 'mine', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'we', 'us', 'our',
  'ours', 'they', 'them', 'their', 'theirs', 'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what',
  'the', 'a', 'an', 'there', 'here', 'someone', 'everyone', 'nobody', 'anyone', 'somebody', 'everybody',
  // days and months
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // boilerplate of scraped news pages
  'photo', 'photos', 'reproduction', 'image', 'images', 'video', 'advertisement', 'caption', 'credit', 'source', 'file',
  'read', 'more', 'share', 'subscribe', 'copyright', 'editor', 'editors', 'update', 'updated', 'breaking', 'exclusive',
  // sentence-initial adverbs and connectives a tagger may take for a name
  'however', 'furthermore', 'moreover', 'meanwhile', 'also', 'but', 'and', 'or', 'so', 'then', 'still', 'yet', 'although',
  'according', 'recently', 'shortly', 'later', 'earlier', 'after', 'before', 'during', 'since', 'if', 'when', 'while',
  'mr', 'mrs', 'ms', 'dr', 'sir', 'president', 'minister', 'chairman', 'spokesman', 'spokeswoman', 'officials', 'police',
]);

/**
 * Interjections of interview transcripts ("Ah, the name of the school…"), lower case; not "Oh", a Korean family name.
 * Junk only when not written in capitals: "UH" is the University of Hawaii in the sample corpus.
 */
const INTERJECTIONS = new Set(['ah', 'uh', 'um', 'umm', 'hmm', 'wow', 'yeah', 'okay']);

/**
 * The one question `isJunk` asks of the article's lower-case words; a `Set<string>` answers it.
 *
 * @example
 * const words: WordSet = new Set(['confirmation']);
 */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * A currency written before an amount ("US$29 million", "HK$", "A$"): the tagger took "US$" for a MISC name 29 times in
 * the sample corpus, and the Entities view listed it among the names.
 */
const CURRENCY_PREFIX = /^\p{Lu}{0,3}[$€£¥]$/u;

/** An initial on its own ("E." of "E. coli", 16 MISC mentions in the sample corpus) names nothing by itself. */
const LONE_INITIAL = /^\p{Lu}\.$/u;

/** A mention longer than this many characters is a tagging accident (a run-on span), not a name. */
const MAX_MENTION_LENGTH = 80;

function hasCapitalOrCaselessLetter(text: string): boolean {
  return /[\p{Lu}\p{Lt}\p{Lo}]/u.test(text);
}

/**
 * Whether a recognised span is junk that must not become an entity: a pronoun, day, month or
 * boilerplate word or an interjection ("Ah") on its own, text without any capital letter ("interior
 * ministry"), text without letters, a currency before an amount ("US$"), a lone initial ("E." of
 * "E. coli"), or a run-on span. `wordsInLowerCase` are the lower-case words of the article: a
 * sentence-initial capitalised word that the article also writes in lower case ("Confirmation of
 * the arrival…" / "a confirmation") is a common word, not a name.
 *
 * @example
 * isJunk({ start: 0, end: 2, type: 'PER', text: 'He' }, new Set());                           // true
 * isJunk({ start: 0, end: 12, type: 'ORG', text: 'Confirmation' }, new Set(['confirmation']), true); // true
 * isJunk({ start: 0, end: 5, type: 'PER', text: 'Putin' }, new Set(), true);                 // false
 */
export function isJunk(span: EntitySpan, wordsInLowerCase: WordSet, sentenceInitial = false): boolean {
  const text = span.text;
  if (text.length > MAX_MENTION_LENGTH || !hasCapitalOrCaselessLetter(text) || CURRENCY_PREFIX.test(text) || LONE_INITIAL.test(text)) return true;
  // Only a one-word span can be junk beyond this point.
  if (hasWhiteSpace(text)) return false;
  const word = text.toLowerCase().replace(/[.'’]+$/u, '');
  if (NEVER_ALONE.has(word) && text !== 'US') return true; // "US" is the country, "us" the pronoun
  if (INTERJECTIONS.has(word) && text !== text.toUpperCase()) return true;
  return sentenceInitial && wordsInLowerCase.has(word);
}
