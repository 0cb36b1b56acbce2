import * as assert from 'assert';
import { retypeAgencyNames } from '../../../src/core/entities/agency-names';
import { TAG_O, TagPart } from '../../../src/core/entities/tags';
import { recognizer } from './fixtures';
import { applyRule, loc, misc, org, per } from './tag-rules';

const [B, I, L, U] = [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit];

describe('agency names', () => {
  const run = (text: string, tags: number[]): number[] => applyRule(retypeAgencyNames, text, tags);

  it('makes a name that holds an agency\'s word an organization, in any case and inside a hyphenated word', () => {
    assert.deepStrictEqual(run('told Agence France-Presse that', [TAG_O, per(B), per(L), TAG_O]), [TAG_O, org(B), org(L), TAG_O]);
    assert.deepStrictEqual(run('Deutsche Presse-Agentur said', [loc(B), loc(L), TAG_O]), [org(B), org(L), TAG_O]);
    assert.deepStrictEqual(run('the Anadolu News Agency reported', [TAG_O, per(B), per(I), per(L), TAG_O]), [TAG_O, org(B), org(I), org(L), TAG_O]);
    assert.deepStrictEqual(run('PRENSA LATINA', [misc(B), misc(L)]), [org(B), org(L)]);
    assert.deepStrictEqual(run('Agenzia', [per(U)]), [org(U)]);
  });

  it('leaves organizations, names without such a word, and words that only begin like one', () => {
    const unchanged: [string, number[]][] = [
      ['Bill Press spoke', [per(B), per(L), TAG_O]],
      ['the Associated Press', [TAG_O, org(B), org(L)]],
      ['Saudi Press Agency', [org(B), org(I), org(L)]],
      ['Agencyville Smith', [per(B), per(L)]],
      ['Pressel met the agency', [per(U), TAG_O, TAG_O, TAG_O]],
      ['Agency Village', [TAG_O, loc(U)]],
    ];
    for (const [text, tags] of unchanged) assert.deepStrictEqual(run(text, tags), tags, text);
  });

  it('gives the shipped model\'s news agencies as organizations', () => {
    // Sentences of the sample corpus where the model reads the agency as a person.
    const sentences = [
      'Tomasz Kubiak, a fire service spokesman, told Agence France-Presse the male victim is in intensive care.',
      'According to Agence France-Presse, which cited sources close to the investigation, he was shot.',
    ];
    for (const text of sentences) {
      const spans = recognizer().recognize(text);
      assert.ok(spans.some((span) => span.text === 'Agence France-Presse' && span.type === 'ORG'), JSON.stringify(spans));
      assert.ok(spans.every((span) => span.type !== 'PER' || !span.text.includes('Presse')), JSON.stringify(spans));
    }
    assert.ok(recognizer().recognize(sentences[0] ?? '').some((span) => span.text === 'Tomasz Kubiak' && span.type === 'PER'));
  });
});
