import * as assert from 'assert';
import { EntityGroupPages } from '../../../src/core/entity-group-pages';
import { EntityListRequest, EntityPage, EntitySummary, compareEntities, selectFirst } from '../../../src/core/search/entity-listing';

/** 500 people, "Kim 0" … "Kim 249" and "Lee 0" … "Lee 249", each in a different number of articles. */
const PEOPLE: EntitySummary[] = Array.from({ length: 500 }, (_, i) => {
  const name = `${i % 2 === 0 ? 'Kim' : 'Lee'} ${Math.floor(i / 2)}`;
  return { key: `PER:${name.toLowerCase()}`, name, type: 'PER', aliases: [], articleCount: (i * 7) % 31, mentionCount: (i * 11) % 37 };
});

/** A listing over {@link PEOPLE} as the index lists them (filter, order, page), with the requests it was asked. */
function listing(): { list: (request: EntityListRequest) => EntityPage; requests: EntityListRequest[] } {
  const requests: EntityListRequest[] = [];
  const list = (request: EntityListRequest): EntityPage => {
    requests.push(request);
    const needle = request.filter?.toLowerCase() ?? '';
    const matches = PEOPLE.filter((entity) => entity.type === request.type && entity.key.includes(needle)).map((summary) => ({
      summary,
      identity: summary.key.slice('PER:'.length),
      articles: summary.articleCount,
      mentions: summary.mentionCount,
    }));
    const page = selectFirst(matches, request.offset + request.limit, compareEntities(request.sort)).slice(request.offset);
    return { total: matches.length, entities: page.map(({ summary }) => summary) };
  };
  return { list, requests };
}

describe('EntityGroupPages', () => {
  const view = { sort: 'articles', filter: 'kim' } as const;

  it("gives a filtered group's count and its first page from one listing, the same as a listing for each gave", () => {
    const { list, requests } = listing();
    const pages = new EntityGroupPages(list);
    // In the order the view asks: the group row's count, then the expanded group's rows.
    const count = pages.matching('PER', view, 200);
    const rows = pages.page('PER', view, 200).entities;
    assert.strictEqual(requests.length, 1);
    const separately = listing();
    assert.strictEqual(count, separately.list({ type: 'PER', ...view, offset: 0, limit: 0 }).total);
    assert.deepStrictEqual(rows, separately.list({ type: 'PER', ...view, offset: 0, limit: 200 }).entities);
    assert.deepStrictEqual([count, rows.length], [250, 200]);
  });

  it('counts nothing, and lists nothing for it, without a filter', () => {
    const { list, requests } = listing();
    assert.strictEqual(new EntityGroupPages(list).matching('PER', { ...view, filter: '' }, 200), undefined);
    assert.deepStrictEqual(requests, []);
  });

  it('lists again for another filter, sort or page size, and after being cleared', () => {
    const { list, requests } = listing();
    const pages = new EntityGroupPages(list);
    pages.page('PER', view, 200);
    pages.page('PER', { ...view, filter: 'lee' }, 200);
    pages.page('PER', { ...view, sort: 'name' }, 200);
    pages.page('PER', { ...view, sort: 'name' }, 400);
    pages.page('LOC', { ...view, sort: 'name' }, 400);
    pages.clear();
    pages.page('PER', { ...view, sort: 'name' }, 400);
    assert.deepStrictEqual(
      requests.map(({ type, sort, filter, limit }) => `${type} ${sort} ${filter ?? ''} ${limit}`),
      ['PER articles kim 200', 'PER articles lee 200', 'PER name kim 200', 'PER name kim 400', 'LOC name kim 400', 'PER name kim 400'],
    );
  });
});
