import { EntityDirectory } from '../core/entity-directory';

/**
 * The corpus-wide name of an entity ("Kim Jong-un" where the article writes "Kim Jong-Un") for the In This Article
 * view, or undefined while a saved index is being loaded and listed (`savedListingDue`). Asked then (the view redraws
 * when the reopen's listing reaches the corpus, and the index may already be searchable), it decoded the saved entity
 * section on the host's thread in one go during the listing (128 ms CPU at 100,000 articles, plain Node). The view
 * redraws when the load ends (the service's entities change) and takes the corpus's names then.
 */
export function corpusNameOf(entities: EntityDirectory, service: { readonly savedListingDue: boolean }): (key: string) => string | undefined {
  return (key) => (service.savedListingDue ? undefined : entities.summary(key)?.name);
}
