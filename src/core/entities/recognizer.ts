import { retypeAgencyNames } from './agency-names';
import { Decoder } from './decoder';
import { joinNationalities, retypeDemonyms, splitNationalities } from './demonyms';
import { retypeFamilyNames } from './family-names';
import { clearHeadings } from './headings';
import { joinHyphenatedNames } from './hyphenated-names';
import { joinPatronymics } from './patronymics';
import { ModelData, readModel } from './model-file';
import { joinPluralPossessives } from './plural-possessives';
import { clearSpeakerLabels } from './speaker-labels';
import { tagsToSpans } from './spans';
import { retypeStormNames } from './storm-names';
import { dropTitles } from './titles';
import { TokenBuffer, tokenize } from './tokenizer';
import { joinWashingtonDC } from './washington-dc';
import { EntitySpan } from './types';

/**
 * Finds PER, LOC, ORG and MISC mentions in raw text with the project's trained model.
 * One instance reuses its buffers between calls: share it within a thread, not across workers.
 *
 * @example
 * const recognizer = EntityRecognizer.fromModel(new Uint8Array(fs.readFileSync('models/ner.bin')));
 * recognizer.recognize('Kim Jong-un met Vladimir Putin in Russia.');
 * // [{ start: 0, end: 11, type: 'PER', text: 'Kim Jong-un' }, { start: 16, end: 30, type: 'PER', … }, { …, type: 'LOC', text: 'Russia' }]
 */
export class EntityRecognizer {
  private readonly decoder: Decoder;
  private readonly tokens = new TokenBuffer();

  private constructor(model: ModelData) {
    this.decoder = new Decoder(model);
  }

  /**
   * A recogniser for the bytes of a model file (`models/ner.bin`); pure: the caller reads the file.
   * Throws a "News Corpus:" error when the bytes are not a model of this version.
   */
  static fromModel(bytes: Uint8Array): EntityRecognizer {
    return new EntityRecognizer(readModel(bytes));
  }

  /** The mentions in `text`, in order, with `text.slice(start, end) === span.text`. Never throws on any string. */
  recognize(text: string): EntitySpan[] {
    const tokens = tokenize(text, this.tokens);
    if (tokens.count === 0) return [];
    const tags = this.decoder.decode(text, tokens);
    clearHeadings(tokens, this.decoder.context, tags);
    clearSpeakerLabels(text, tokens, tags);
    retypeDemonyms(this.decoder.context.gazetteer, tags, tokens.count);
    joinPatronymics(text, tokens, tags, this.decoder.context.gazetteer);
    dropTitles(text, tokens, tags);
    joinWashingtonDC(text, tokens, tags);
    joinHyphenatedNames(text, tokens, tags);
    joinPluralPossessives(text, tokens, tags);
    splitNationalities(text, this.decoder.context, tokens, tags);
    joinNationalities(text, this.decoder.context, tokens, tags);
    retypeFamilyNames(text, tokens, tags);
    retypeStormNames(text, tokens, tags);
    retypeAgencyNames(text, tokens, tags);
    return tagsToSpans(text, tokens, tags);
  }

  /** Number of tokens of `text`, as the recogniser sees them (for throughput figures). */
  countTokens(text: string): number {
    return tokenize(text, this.tokens).count;
  }
}
