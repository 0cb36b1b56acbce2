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
    return this.known(text) ?? this.remember(text, this.analyze(text));
  }

  /**
   * The entities of `text` if they are remembered, now the most recently asked; never analyses.
   *
   * @example
   * remembered.known(document.getText()); // undefined until of() or remember() was given this text
   */
  known(text: string): readonly ArticleEntity[] | undefined {
    const entities = this.byText.get(text);
    if (entities === undefined) return undefined;
    // Asked again, the text moves to the end of the map's order, the most recent.
    this.byText.delete(text);
    this.byText.set(text, entities);
    return entities;
  }

  /**
   * Remembers `entities` as those of `text` (analysed elsewhere, such as on a worker thread), and returns them.
   *
   * @example
   * remembered.remember(text, await thread.extract(text));
   */
  remember(text: string, entities: readonly ArticleEntity[]): readonly ArticleEntity[] {
    this.byText.delete(text);
    if (this.byText.size >= this.capacity) this.byText.delete(this.byText.keys().next().value as string);
    this.byText.set(text, entities);
    return entities;
  }
}
