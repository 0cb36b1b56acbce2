// Builds the gazetteer compiled into the entity model.
import { FeatureContext } from '../src/core/entities/features';
import { Gazetteer } from '../src/core/entities/gazetteer';
import { tokenize } from '../src/core/entities/tokenizer';

/** The gazetteer compiled into the model. */
export function buildGazetteer(): Gazetteer {
  const context = new FeatureContext();
  const entries: { tokens: number[]; category: number }[] = [];
  const add = (phrase: string, category: number): void => {
    const tokens = tokenize(phrase);
    context.prepare(phrase, tokens, undefined);
    entries.push({ tokens: Array.from(context.low.subarray(0, tokens.count)), category });
  };
  add('placeholder', 0);
  return Gazetteer.build(entries);
}
