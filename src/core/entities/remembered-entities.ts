import { ArticleEntity } from './types';

/**
 * The entities of the last few texts analysed, by text: the open articles a user moves between, whose hover,
 * highlights and outline all ask for the same analysis. The text itself is the key, so an edited article is
 * analysed afresh; the least recently asked text is forgotten first.
 *
 * @example
 * const remembered = new RememberedEntities((text) => model.extract(text), 8);
 * remembered.of(document.getText()); // analysed
 * remembered.of(document.getText()); // the same array, not analysed again
 */
export class RememberedEntities {
  private readonly byText = new Map<string, readonly ArticleEntity[]>();

  constructor(
    private readonly analyze: (text: string) => readonly ArticleEntity[],
    private readonly capacity: number,
  ) {}

  of(text: string): readonly ArticleEntity[] {
    const known = this.byText.get(text);
    // Asked again, the text moves to the end of the map's order, the most recent.
    this.byText.delete(text);
    const entities = known ?? this.analyze(text);
    if (this.byText.size >= this.capacity) this.byText.delete(this.byText.keys().next().value as string);
    this.byText.set(text, entities);
    return entities;
  }
}
