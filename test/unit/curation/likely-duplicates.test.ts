import * as assert from 'assert';
import { LIKELY_MIN_ARTICLES, LIKELY_RIVAL_RATIO, LikelyDuplicate, RIVAL_RATIO, likelyDuplicateLabel, likelyDuplicateMerges, likelyDuplicateReason, likelyDuplicates, sharingNameWordsFirst } from '../../../src/core/curation/likely-duplicates';
import { entityKey } from '../../../src/core/entities/article-entities';
import { EntityType } from '../../../src/core/entities/types';
import { correctedFactsText } from '../../../src/core/facts/correction-writer';
import { EntitySummary } from '../../../src/core/search/entity-listing';

function entity(type: EntityType, name: string, articleCount: number, aliases: readonly string[] = []): EntitySummary {
  return { key: entityKey(type, name), name, type, aliases, articleCount, mentionCount: articleCount * 2 };
}

function person(name: string, articleCount: number, aliases: readonly string[] = []): EntitySummary {
  return entity('PER', name, articleCount, aliases);
}

/** Each pair as "entity → into", with a star when it is offered chosen. */
function pairsOf(found: readonly LikelyDuplicate[]): string[] {
  return found.map(({ entity, into, likely }) => `${likely ? '*' : ''}${entity.name} → ${into.name}`);
}

describe('likelyDuplicates', () => {
  it('offers a family name alone for the full name that owns it, with the other full names as rivals', () => {
    const found = likelyDuplicates([person('Trump', 9), person('Donald Trump', 51), person('Melania Trump', 2), person('Ivanka Trump', 1)]);
    assert.deepStrictEqual(pairsOf(found), ['*Trump → Donald Trump']);
    assert.strictEqual(found[0]?.reason, 'familyName');
    assert.deepStrictEqual(found[0]?.rivals.map((rival) => rival.entity.name), ['Melania Trump', 'Ivanka Trump']);
  });

  it('offers, not chosen, a full name that has fewer than ten times its rival’s articles, and nothing below three times', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Biden', 3), person('Joe Biden', 25), person('Hunter Biden', 4)])), ['Biden → Joe Biden']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Clinton', 6), person('Bill Clinton', 20), person('Hillary Clinton', 18)])), []);
    const atRatio = likelyDuplicates([person('Baker', 1), person('James Baker', RIVAL_RATIO * 4), person('Howard Baker', 4)]);
    assert.deepStrictEqual(pairsOf(atRatio), ['Baker → James Baker']);
    const likely = likelyDuplicates([person('Baker', 1), person('James Baker', LIKELY_RIVAL_RATIO * 4), person('Howard Baker', 4)]);
    assert.deepStrictEqual(pairsOf(likely), ['*Baker → James Baker']);
  });

  it('chooses a family name in advance only when its full name has at least three articles', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Erdoğan', 1), person('Recep Tayyip Erdoğan', LIKELY_MIN_ARTICLES)])), ['*Erdoğan → Recep Tayyip Erdoğan']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Newton', 1), person('Helmut Newton', LIKELY_MIN_ARTICLES - 1)])), ['Newton → Helmut Newton']);
  });

  it('offers, not chosen, a name alone more common than its only full name of three articles or more ("Reagan" of wire copy)', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Reagan', 66), person('Ronald Reagan', LIKELY_MIN_ARTICLES + 2)])), ['Reagan → Ronald Reagan']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Reagan', 66), person('Ronald Reagan', LIKELY_MIN_ARTICLES - 1)])), []);
    // ux38b: a stray full name of one article ("Athough Reagan") is a rival it prevails over; one of close articles is not.
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Reagan', 66), person('Ronald Reagan', 5), person('Athough Reagan', 1)])), ['Reagan → Ronald Reagan']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Reagan', 66), person('Ronald Reagan', 5), person('Nancy Reagan', 2)])), [], 'not over a rival of close articles');
  });

  it('never offers a stray full name with fewer articles than the name alone, nor a name alone that is an initial or no full name’s', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Joe', 2), person('Uncle Joe', 1)])), []);
    // A full name that begins in lower case is the recogniser's error, not a name to keep.
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Vázquez', 1), person('then-Secretary Vázquez', 4)])), []);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('J.', 1), person('Jay J.', 5)])), []);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Putin', 4), person('Kim Jong-un', 9)])), []);
  });

  it('reads a short form an article used for a full name as its family name ("Kim" for Kim Jong-un)', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Kim', 2), person('Kim Jong-un', 9, ['Kim', 'Kim Jong-Un'])])), ['*Kim → Kim Jong-un']);
    // An alias that is not one of the name's words says nothing of its family name.
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Vova', 1), person('Vladimir Putin', 9, ['Vova'])])), []);
  });

  it('merges a full name with and without a middle name or initial into the form with more articles', () => {
    const found = likelyDuplicates([person('John Bolton', 3), person('John R. Bolton', 1), person('Robert Gabriel Mugabe', 2), person('Robert Mugabe', 1)]);
    assert.deepStrictEqual(pairsOf(found), ['*John R. Bolton → John Bolton', '*Robert Mugabe → Robert Gabriel Mugabe']);
    assert.ok(found.every((pair) => pair.reason === 'middleName'));
    // Ticked only when the two have at least three articles between them.
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Ali Khamenei', 1), person('Ali Hosseini Khamenei', 1)])), ['Ali Hosseini Khamenei → Ali Khamenei']);
  });

  it('reads a name without its generation ("Jr.", "III"), as the other forms write it', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Downey', 2), person('Robert Downey Jr.', 9)])), ['*Downey → Robert Downey Jr.']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Martin Luther King Jr.', 9), person('Martin King', 1)])), ['*Martin King → Martin Luther King Jr.']);
    // "Jr." alone is no family name, and a two-word name keeps its last word ("Henry II").
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Jr.', 2), person('Robert Downey Jr.', 9), person('II', 1), person('Henry II', 5)])), []);
  });

  it('leaves a full name apart when two longer forms share its first and family name', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('George Bush', 2), person('George W. Bush', 30), person('George H. W. Bush', 12)])), []);
  });

  it('counts middle-name variants as one person for a family name alone, and offers the one they merge into', () => {
    // Alone, Elijah Cummings (4) has not three times Robert Cummings's 2 articles; with his other form (6), he has.
    const people = [person('Cummings', 1), person('Elijah Cummings', 4), person('Elijah Eugene Cummings', 2), person('Robert Cummings', 2)];
    const found = likelyDuplicates(people);
    assert.deepStrictEqual(pairsOf(found), ['*Elijah Eugene Cummings → Elijah Cummings', 'Cummings → Elijah Cummings']);
    assert.deepStrictEqual(found[1]?.rivals.map((rival) => rival.entity.name), ['Robert Cummings']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates(people.filter((one) => one.name !== 'Elijah Eugene Cummings'))), []);
  });

  it('lists the pairs whose merged-away entity has the most articles first', () => {
    const found = likelyDuplicates([person('Obama', 2), person('Barack Obama', 16), person('Trump', 9), person('Donald Trump', 51)]);
    assert.deepStrictEqual(pairsOf(found), ['*Trump → Donald Trump', '*Obama → Barack Obama']);
  });

  it('offers a name read as another type in a few articles for the type of most of them, under the same ratios', () => {
    const found = likelyDuplicates([entity('ORG', 'Twitter', 48), entity('MISC', 'Twitter', 1), entity('ORG', 'Fed', 27), entity('PER', 'Fed', 3), entity('MISC', 'Fed', 2)]);
    // Offered, never ticked: a few articles' other type may be a name read short ("Captain America" as "America").
    assert.deepStrictEqual(pairsOf(found), ['Fed → Fed', 'Fed → Fed', 'Twitter → Twitter']);
    // Names are compared as written: "The Atlantic", the magazine, is not "Atlantic", the ocean.
    assert.deepStrictEqual(likelyDuplicates([entity('LOC', 'Atlantic', 6), entity('ORG', 'The Atlantic', 1)]), []);
    assert.deepStrictEqual(found.map((pair) => `${pair.entity.type} → ${pair.into.type} (${pair.reason})`), ['PER → ORG (sameName)', 'MISC → ORG (sameName)', 'MISC → ORG (sameName)']);
    // Agence France-Presse, a person in 4 articles and an organization in 3: no type prevails.
    assert.deepStrictEqual(likelyDuplicates([entity('PER', 'Agence France-Presse', 4), entity('ORG', 'Agence France-Presse', 3)]), []);
  });

  it('offers, not chosen, an organization\'s initials for the one organization whose name has them', () => {
    const found = likelyDuplicates([entity('ORG', 'EC', 60), entity('ORG', 'European Community', 25), entity('ORG', 'OPEC', 9), entity('ORG', 'Organization of the Petroleum Exporting Countries', 2), entity('ORG', 'U.N.', 4), entity('ORG', 'United Nations', 30)]);
    assert.deepStrictEqual(pairsOf(found), ['EC → European Community', 'OPEC → Organization of the Petroleum Exporting Countries', 'U.N. → United Nations']);
    assert.strictEqual(likelyDuplicateReason(found[0] as LikelyDuplicate), '60 vs 25 articles; the initials of its name');
    // Two names with those initials: the one with three times the other's articles, or none; a place or a person is never paired so.
    assert.deepStrictEqual(likelyDuplicates([entity('ORG', 'EC', 60), entity('ORG', 'European Community', 25), entity('ORG', 'European Commission', 20)]), []);
    const ec = likelyDuplicates([entity('ORG', 'EC', 60), entity('ORG', 'European Community', 51), entity('ORG', 'European Commission', 9)]);
    assert.deepStrictEqual(ec.map(likelyDuplicateReason), ['60 vs 51 articles; the initials of its name; others with them: "European Commission" 9']);
    // ux38b: legal forms are no initials, a dotted word gives its letters, and a name starting with the initials is theirs.
    assert.deepStrictEqual(likelyDuplicates([entity('ORG', 'ABC', 9), entity('ORG', 'A.H. Belo Corp', 3), entity('ORG', 'ABN', 4), entity('ORG', 'Amro Bank NV', 2)]), []);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([entity('ORG', 'AHB', 2), entity('ORG', 'A.H. Belo Corp', 3)])), ['AHB → A.H. Belo Corp']);
    assert.deepStrictEqual(likelyDuplicates([entity('ORG', 'CBS', 20), entity('ORG', 'CBS Inc', 8), entity('ORG', 'Continental Bank Systems', 2)]), []);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([entity('ORG', 'CBS', 20), entity('ORG', 'Continental Bank Systems', 2)])), ['CBS → Continental Bank Systems']);
    assert.deepStrictEqual(likelyDuplicates([entity('LOC', 'UK', 60), entity('LOC', 'United Kingdom', 25), entity('PER', 'JFK', 3), entity('PER', 'John Fitzgerald Kennedy', 2)]), []);
  });

  it('offers a person alone whose name is mostly another type both ways, neither ticked ("Washington")', () => {
    const found = likelyDuplicates([person('Washington', 3), person('George Washington', 20), entity('LOC', 'Washington', 1000)]);
    assert.deepStrictEqual(
      found.map((pair) => `${pair.likely ? '*' : ''}${likelyDuplicateLabel(pair)} (${pair.reason})`),
      ['Washington → George Washington (familyName)', 'Washington (person) → Washington (place) (sameName)'],
    );
  });

  it('counts a full name that begins with the name alone as a rival, never as its owner ("Li Peng" for "Li")', () => {
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Li', 3), person('Li Peng', 40), person('Peng Li', 5)])), []);
    const found = likelyDuplicates([person('Li', 3), person('Li Peng', 1), person('Peng Li', 40)]);
    assert.deepStrictEqual(pairsOf(found), ['*Li → Peng Li']);
    assert.deepStrictEqual(found[0]?.rivals.map((rival) => rival.entity.name), ['Li Peng']);
    assert.deepStrictEqual(pairsOf(likelyDuplicates([person('Li', 3), person('Li Peng', 40)])), []);
  });

  it('finds nothing in a corpus without entities', () => {
    assert.deepStrictEqual(likelyDuplicates([]), []);
  });
});

describe('likelyDuplicateLabel', () => {
  it('names the two entities, with their types when they differ', () => {
    const [trump] = likelyDuplicates([person('Trump', 9), person('Donald Trump', 51)]);
    assert.strictEqual(trump && likelyDuplicateLabel(trump), 'Trump → Donald Trump');
    const [twitter] = likelyDuplicates([entity('ORG', 'Twitter', 48), entity('MISC', 'twitter', 1)]);
    assert.strictEqual(twitter && likelyDuplicateLabel(twitter), 'twitter (other name) → Twitter (organization)');
  });

  it('isolates each right-to-left name on its own, so that the arrow points from the one merged away', () => {
    const [salman] = likelyDuplicates([person('سلمان', 1), person('محمد بن سلمان', 5)]);
    assert.strictEqual(salman && likelyDuplicateLabel(salman), '\u2067سلمان\u2069 → \u2067محمد بن سلمان\u2069');
  });
});

describe('likelyDuplicateReason', () => {
  it('says how many articles each name has, and names up to three rivals', () => {
    const [trump] = likelyDuplicates([person('Trump', 9), person('Donald Trump', 51), person('Melania Trump', 2)]);
    assert.strictEqual(trump && likelyDuplicateReason(trump), '9 vs 51 articles; others: "Melania Trump" 2');
    const rivals = ['Ann', 'Bea', 'Cy', 'Di'].map((first) => person(`${first} Smith`, 1));
    const [smith] = likelyDuplicates([person('Smith', 1), person('John Smith', 40), ...rivals]);
    assert.strictEqual(smith && likelyDuplicateReason(smith), '1 vs 40 articles; others: "Ann Smith" 1, "Bea Smith" 1, "Cy Smith" 1, 1 more');
    const [erdogan] = likelyDuplicates([person('Erdoğan', 1), person('Recep Tayyip Erdoğan', 3)]);
    assert.strictEqual(erdogan && likelyDuplicateReason(erdogan), '1 vs 3 articles; no other full name');
  });

  it('says how many articles read a name as each type', () => {
    const [twitter] = likelyDuplicates([entity('ORG', 'Twitter', 48), entity('MISC', 'Twitter', 1)]);
    assert.strictEqual(twitter && likelyDuplicateReason(twitter), 'a name of another kind in 1 article, an organization in 48');
  });

  it('says when the full name counts the articles of its other forms, as the choice did', () => {
    const [carroll] = likelyDuplicates([person('Carroll', 1), person('Brian Carroll', 2), person('Brian T. Carroll', 2)]).filter((pair) => pair.reason === 'familyName');
    assert.strictEqual(carroll && likelyDuplicateReason(carroll), '1 vs 2 articles (up to 4 with its other forms); no other full name');
    assert.strictEqual(carroll?.likely, true);
  });

  it('says a middle-name pair shares its first and family name', () => {
    const [bolton] = likelyDuplicates([person('John Bolton', 3), person('John R. Bolton', 1)]);
    assert.strictEqual(bolton && likelyDuplicateReason(bolton), '1 vs 3 articles; the same first and family name');
  });
});

describe('likelyDuplicateMerges', () => {
  it('writes one merge per entity kept, with every pair merged into it', () => {
    const found = likelyDuplicates([person('Trump', 9), person('Donald Trump', 51), person('Donald J. Trump', 2)]);
    assert.deepStrictEqual(likelyDuplicateMerges(found), [
      {
        kind: 'merge',
        entities: [{ type: 'PER', name: 'Donald Trump' }, { type: 'PER', name: 'Trump' }, { type: 'PER', name: 'Donald J. Trump' }],
        into: { type: 'PER', name: 'Donald Trump' },
      },
    ]);
  });

  it('merges a pair whose entity kept is merged away by another into where that one goes, without a circle', () => {
    const [trump, donald, trumpOrg] = [person('Trump', 9), person('Donald Trump', 51), entity('ORG', 'Trump', 1)];
    const pair = (from: EntitySummary, into: EntitySummary): LikelyDuplicate => ({ entity: from, into, reason: 'sameName', intoArticles: into.articleCount, rivals: [], likely: true });
    assert.deepStrictEqual(likelyDuplicateMerges([pair(trumpOrg, trump), pair(trump, donald)]), [
      { kind: 'merge', entities: [{ type: 'PER', name: 'Donald Trump' }, { type: 'ORG', name: 'Trump' }, { type: 'PER', name: 'Trump' }], into: { type: 'PER', name: 'Donald Trump' } },
    ]);
    const circle = likelyDuplicateMerges([pair(trump, donald), pair(donald, trump)]);
    assert.strictEqual(circle.length, 1, JSON.stringify(circle));
  });

  it('writes typed aliases for another type, and chained pairs into the final name, in the facts file', () => {
    const found = likelyDuplicates([person('Trump', 9), person('Donald Trump', 51), person('Donald J. Trump', 2), entity('ORG', 'Twitter', 48), entity('MISC', 'Twitter', 1)]);
    const text = correctedFactsText('', likelyDuplicateMerges(found), { isEngineEntity: () => true });
    assert.deepStrictEqual(JSON.parse(text), {
      people: { 'Donald Trump': { aliases: ['Trump', 'Donald J. Trump'] } },
      organizations: { Twitter: { aliases: ['other:Twitter'] } },
    });
  });
});

describe('sharingNameWordsFirst', () => {
  it('puts the entities that share a word of the name first, each group in the order given', () => {
    const listed = [person('Donald Trump', 57), person('Joe Biden', 30), person('Elijah Cummings', 3), entity('ORG', 'Cummings Foundation', 1)];
    const { sharing, others } = sharingNameWordsFirst('Cummings', listed);
    assert.deepStrictEqual(sharing.map((one) => one.name), ['Elijah Cummings', 'Cummings Foundation']);
    assert.deepStrictEqual(others.map((one) => one.name), ['Donald Trump', 'Joe Biden']);
    // Words as names are compared: case, a leading "the" and a generation do not count.
    assert.deepStrictEqual(sharingNameWordsFirst('the TRUMP', [person('Donald Trump Jr.', 4)]).sharing.length, 1);
  });
});
