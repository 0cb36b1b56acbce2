import { LikelyDuplicate, likelyDuplicateReason } from './curation/likely-duplicates';
import { countOf, isolateBidi, shortenAtWord } from './display-text';
import { ArticleEntity, EntityType } from './entities/types';
import { ENTITY_TYPE_NAMES, EntityDirectory } from './entity-directory';
import type { EntityFacts } from './facts/entity-facts';
import { EntitySummary } from './search/entity-listing';

/**
 * Everything a hover card says about an entity: who it is according to the corpus.
 *
 * @example
 * const card: EntityCard = { name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'], articleCount: 2, mentionCount: 9,
 *   firstDate: '2023-09-13', lastDate: '2023-09-13', roles: [{ role: 'Russian President', articles: 1 }],
 *   timeline: [{ period: '2023-09', mentions: 9 }], companions: [{ name: 'Kim Jong-un', type: 'PER', articles: 2 }], mentionsHere: 5 };
 */
export interface EntityCard extends Omit<EntitySummary, 'key'> {
  /** Titles and descriptions writers attach to the name, most frequent first. */
  readonly roles: readonly { readonly role: string; readonly articles: number }[];
  /** Mentions per month (`YYYY-MM`), oldest first. */
  readonly timeline: readonly { readonly period: string; readonly mentions: number }[];
  /** The entities named in the most of the same articles. */
  readonly companions: readonly { readonly name: string; readonly type: EntityType; readonly articles: number }[];
  /** Mentions in the document the card is shown over. */
  readonly mentionsHere: number;
  /** What the user's facts file says about the entity. */
  readonly facts?: EntityFacts;
  /** Another entity of the corpus this one is probably the same as (a name alone and the full name that owns it). */
  readonly duplicate?: CardDuplicate;
}

/**
 * The entity a card's entity is probably the same as, and why: see `likelyDuplicates` (Merge Likely Duplicates…).
 *
 * @example
 * const duplicate: CardDuplicate = { name: 'Donald Trump', type: 'PER', likely: true, reason: '9 vs 51 articles; others: "Melania Trump" 2' };
 */
export interface CardDuplicate {
  readonly name: string;
  readonly type: EntityType;
  /** Whether Merge Likely Duplicates… offers the merge already chosen. */
  readonly likely: boolean;
  readonly reason: string;
}

/**
 * What a card says of the pair its entity is merged away in.
 *
 * @example
 * cardDuplicateOf(trumpPair); // { name: 'Donald Trump', type: 'PER', likely: true, reason: '9 vs 51 articles; others: "Melania Trump" 2' }
 */
export function cardDuplicateOf(pair: LikelyDuplicate): CardDuplicate {
  return { name: pair.into.name, type: pair.into.type, likely: pair.likely, reason: likelyDuplicateReason(pair) };
}

/**
 * A link of the card to one of the extension's own commands, with its arguments: a short title, so that the links fit
 * on one line under the card's name, and a tooltip that says what it does in full.
 *
 * @example
 * const link: CardLink = { title: 'Search', tooltip: 'Search Articles', command: 'newsCorpus.search', args: ['person:="Kim Jong-un"'] };
 */
export interface CardLink {
  readonly title: string;
  /** Plain text of the extension's own, without double quotes. */
  readonly tooltip?: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/**
 * The card of an entity of an open article: as the corpus knows it, or as this article alone does when the
 * corpus does not know it yet (a new, unsaved article), with the user's `facts` about it if there are any, and the
 * entity it is probably the same as, if the corpus has one.
 *
 * @example
 * entityCardOf(analyze(document.getText())[0], directory, facts.entry(key)?.entry.facts); // { name: 'Vladimir Putin', articleCount: 2, … }
 */
export function entityCardOf(entity: ArticleEntity, corpus: Pick<EntityDirectory, 'summary' | 'roles' | 'timeline' | 'companions'>, facts?: EntityFacts, duplicate?: CardDuplicate): EntityCard {
  const summary = corpus.summary(entity.key);
  const mentionsHere = entity.mentions.length;
  const withFacts = facts ? { facts } : {};
  if (!summary) return { name: entity.name, type: entity.type, aliases: entity.aliases, articleCount: 0, mentionCount: 0, roles: [], timeline: [], companions: [], mentionsHere, ...withFacts };
  const timeline = [...corpus.timeline(entity.key)].sort(([a], [b]) => a.localeCompare(b)).map(([period, mentions]) => ({ period, mentions }));
  return { ...summary, roles: corpus.roles(entity.key), timeline, companions: corpus.companions(entity.key, CARD_COMPANIONS), mentionsHere, ...withFacts, ...(duplicate && { duplicate }) };
}

/** Bars of the mentions chart, lowest to highest: a month with any mention has at least the lowest. */
const BARS = '▁▂▃▄▅▆▇█';
/**
 * A month without mentions: lower than the lowest bar, so that it does not read as a few mentions, and a character,
 * where a space would collapse in Markdown and shorten the chart.
 */
const NO_BAR = '·';
/** The chart never grows wider than this many bars: longer timelines are summed into wider periods. */
const MAX_BARS = 24;
/** Roles and companions listed on a card. */
const CARD_ROLES = 5;
const CARD_COMPANIONS = 5;
/** Aliases listed before "and N more". */
const CARD_ALIASES = 6;
/**
 * Characters of the facts file's description and notes a card shows: a longer text (QA wrote 400 characters) pushed
 * the corpus's part of the card out of view behind a scroll; the whole text is one "Edit Facts" away.
 */
const CARD_FACT_TEXT = 200;
/** Lines of the facts file's description and notes a card shows, blank ones left out: more pushed the corpus's part of the card out of view. */
const CARD_FACT_LINES = 6;

/**
 * Text from an article or the facts file made inert for a Markdown hover with theme icons: every character
 * Markdown or HTML could read as syntax is escaped, and icon syntax gets the one escape VS Code's renderer
 * honours, so it all shows as written.
 *
 * @example
 * escapeMarkdown('[x](command:evil) $(bug) <b>'); // '\\[x\\]\\(command\\:evil\\) \\$(bug) \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  let escaped = '';
  let from = 0;
  for (const icon of flat.matchAll(ICON_SYNTAX)) {
    escaped += `${escapeSyntax(flat.slice(from, icon.index))}\\${icon[0]}`;
    from = icon.index + icon[0].length;
  }
  return escaped + escapeSyntax(flat.slice(from));
}

/**
 * Icon syntax as VS Code's Markdown renders it. Such text must be escaped as `\$(name)` exactly: the renderer
 * turns that, and only that, into the literal text, and would draw the icon from a fully escaped `\$\(name\)`.
 */
const ICON_SYNTAX = /\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/gi;

function escapeSyntax(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&:"'=]/g, '\\$&');
}

/**
 * How many neighbouring values each bar of a {@link sparkline} of `count` values sums: one, up to `maxBars` values.
 *
 * @example
 * valuesPerBar(24); // 1
 * valuesPerBar(57); // 3: 19 bars of three months
 * valuesPerBar(58); // 3: 20 bars, the first (oldest) of one month
 */
export function valuesPerBar(count: number, maxBars = MAX_BARS): number {
  return Math.ceil(count / maxBars) || 1;
}

/**
 * Values as a row of block characters scaled to the largest, at most `maxBars` wide (neighbouring values
 * summed when there are more: {@link valuesPerBar}, counted from the last, so that a bar of fewer values is the first,
 * not the latest: a short last bar looked like a fall); zero is a dot, any other value at least the lowest bar.
 *
 * @example
 * sparkline([0, 1, 4, 2]);        // '·▃█▅'
 * sparkline([0, 1, 100]);         // '·▁█'
 * sparkline([5, 1, 1, 1, 1], 3);  // '█▄▄': 5, then 1 + 1 twice
 */
export function sparkline(values: readonly number[], maxBars = MAX_BARS): string {
  const width = valuesPerBar(values.length, maxBars);
  const summed: number[] = [];
  for (let end = values.length; end > 0; end -= width) summed.unshift(values.slice(Math.max(0, end - width), end).reduce((sum, value) => sum + value, 0));
  const top = Math.max(1, ...summed);
  return summed.map((value) => (value === 0 ? NO_BAR : (BARS[Math.round((value / top) * (BARS.length - 1))] ?? ''))).join('');
}

/** Characters of a link's address shown as its label before it is cut with an ellipsis. */
const LINK_LABEL = 60;

/**
 * A link of the facts file as Markdown: an http(s) address as a link labelled with the address as written,
 * without its scheme, anything else as text. The address is re-serialised and its parentheses encoded, so that it cannot
 * close the link early and start another.
 */
function factsLinkMarkdown(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return escapeMarkdown(link);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return escapeMarkdown(link);
  const address = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const label = link.trim().replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
  return `[${escapeMarkdown(label.length > LINK_LABEL ? `${label.slice(0, LINK_LABEL - 1)}…` : label)}](${address})`;
}

/** A line break of the facts file's text, whichever its editor wrote. */
const LINE_BREAK = /\r\n?|\u2028|\u2029/g;

/**
 * The facts file's multi-line text as Markdown that keeps its paragraphs and lines: a blank line starts a paragraph,
 * a single line break a line (a hard break), any other white space is a space. Each line is escaped as a whole, so
 * that nothing in it becomes syntax (a heading's `#`, a table's `|`, a list's `-`, HTML, links, icons) and it shows as
 * written; `marked` puts each line in the card's markup (italics cannot span lines). Cut, with an ellipsis, at
 * {@link CARD_FACT_LINES} lines or {@link CARD_FACT_TEXT} characters. Empty when the text is only white space.
 */
function factsTextMarkdown(text: string, marked: (line: string) => string): string {
  const lines = text.replace(LINE_BREAK, '\n').trim().split('\n');
  let shown = 0;
  const cut = lines.findIndex((line) => line.trim() !== '' && ++shown > CARD_FACT_LINES);
  const kept = shortenAtWord((cut === -1 ? lines : lines.slice(0, cut)).join('\n').trimEnd(), CARD_FACT_TEXT);
  const shortened = cut !== -1 && !kept.endsWith('…') ? `${kept}…` : kept;
  return shortened
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdown(line).trim())
        .filter((line) => line !== '')
        .map(marked)
        .join('  \n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * The user's facts as the first paragraph of the card, in hard-broken lines (which keep the card short enough
 * for the corpus's part to stay in view): the description in italics, then role, birth and the other fields, then the
 * notes and the links; empty when there is nothing to say. A description or notes written in several lines or
 * paragraphs keeps them (see {@link factsTextMarkdown}).
 */
function factsMarkdown(facts: EntityFacts): string {
  const parts: string[] = [];
  const description = facts.description === undefined ? '' : factsTextMarkdown(facts.description, (line) => `_${line}_`);
  if (description !== '') parts.push(description);
  const fields = [
    ...(facts.role === undefined ? [] : [{ field: 'Role', value: facts.role }]),
    ...(facts.born === undefined ? [] : [{ field: 'Born', value: facts.born }]),
    ...facts.more,
  ];
  if (fields.length > 0) parts.push(fields.map(({ field, value }) => `${escapeMarkdown(field)}: ${escapeMarkdown(value)}`).join(' · '));
  // The notes and the links share a line: the card stays short enough to show without a scroll.
  const notes = [...(facts.notes === undefined ? [] : [factsTextMarkdown(facts.notes, (line) => line)]), ...facts.links.map(factsLinkMarkdown)].filter((part) => part !== '');
  if (notes.length > 0) parts.push(notes.join(' · '));
  return parts.join('  \n');
}

/** A `YYYY-MM` month as a count of months, so that a range of months is a range of numbers. */
function monthNumber(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** Every month from the first to the last of `timeline`, with 0 where nothing was said. */
function monthlyValues(timeline: EntityCard['timeline']): number[] {
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  if (first === undefined || last === undefined) return [];
  const values = new Array<number>(monthNumber(last.period) - monthNumber(first.period) + 1).fill(0);
  for (const { period, mentions } of timeline) values[monthNumber(period) - monthNumber(first.period)] = mentions;
  return values;
}

/** A card's links as Markdown, one line, each with its tooltip. */
function linksMarkdown(links: readonly CardLink[]): string {
  return links.map(({ title, tooltip, command, args }) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))}${tooltip === undefined ? '' : ` "${tooltip}"`})`).join(' · ');
}

/**
 * The Markdown of a hover card: a header with the type's icon, name and type, and `links` under it (at the foot, a
 * long card's links were below the hover's height, behind a scroll), the user's facts (above a rule), the entity it is
 * probably the same as with `mergeLink`, the other spellings, the roles, the counts and dates, a chart of mentions per
 * month and the companions. All card text except the links passes through {@link escapeMarkdown}; link arguments are
 * URI-encoded JSON.
 *
 * @example
 * entityCardMarkdown(card, [{ title: 'Search Articles', command: 'newsCorpus.search', args: ['person:="Vladimir Putin"'] }]);
 * // '$(person) **Vladimir Putin** · person  \n[Search Articles](command:newsCorpus.search?…)\n\nAlso written: Putin\n\n…'
 */
export function entityCardMarkdown(card: EntityCard, links: readonly CardLink[], mergeLink?: CardLink): string {
  const kind = ENTITY_TYPE_NAMES[card.type];
  const header = `$(${kind.icon}) **${escapeMarkdown(isolateBidi(card.name))}** · ${kind.one}`;
  const parts = [links.length > 0 ? `${header}  \n${linksMarkdown(links)}` : header];
  const facts = card.facts ? factsMarkdown(card.facts) : '';
  if (facts !== '') parts.push(facts, '---');
  if (card.duplicate) {
    const { name, type, likely, reason } = card.duplicate;
    const typed = type === card.type ? '' : ` (${ENTITY_TYPE_NAMES[type].one})`;
    parts.push(`${likely ? 'Likely' : 'Possibly'} the same as **${escapeMarkdown(isolateBidi(name))}**${typed}: ${escapeMarkdown(reason)}${mergeLink ? ` · ${linksMarkdown([mergeLink])}` : ''}`);
  }
  if (card.aliases.length > 0) {
    const more = card.aliases.length > CARD_ALIASES ? ` and ${card.aliases.length - CARD_ALIASES} more` : '';
    parts.push(`Also written: ${card.aliases.slice(0, CARD_ALIASES).map((alias) => escapeMarkdown(isolateBidi(alias))).join(', ')}${more}`);
  }
  if (card.roles.length > 0) {
    // Named as roles: a bare list under "Also written" read as more spellings (ux33).
    parts.push(`Described as:\n${card.roles.slice(0, CARD_ROLES).map(({ role, articles }) => `- ${escapeMarkdown(role)} _(${countOf(articles, 'article')})_`).join('\n')}`);
  }
  const dates = card.firstDate === undefined || card.lastDate === undefined ? '' : card.firstDate === card.lastDate ? ` · ${card.firstDate}` : ` · ${card.firstDate} – ${card.lastDate}`;
  const counts =
    card.articleCount > 0
      ? `${countOf(card.articleCount, 'article')} · ${countOf(card.mentionCount, 'mention')}${dates} · ${countOf(card.mentionsHere, 'mention')} here`
      : `${countOf(card.mentionsHere, 'mention')} in this article, not yet in the index`;
  parts.push(counts);
  const values = monthlyValues(card.timeline);
  if (values.length > 1) {
    // A timeline over years is summed into wider bars: the label says how wide, not "per month" for three.
    const months = valuesPerBar(values.length);
    parts.push(`\`${card.timeline[0]?.period}\` ${sparkline(values)} \`${card.timeline[card.timeline.length - 1]?.period}\` _mentions per ${months === 1 ? 'month' : `${months} months`}_`);
  }
  if (card.companions.length > 0) {
    parts.push(`Often with: ${card.companions.slice(0, CARD_COMPANIONS).map(({ name, articles }) => `${escapeMarkdown(isolateBidi(name))} (${articles})`).join(', ')}`);
  }
  return parts.join('\n\n');
}
