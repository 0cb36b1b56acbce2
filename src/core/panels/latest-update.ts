/**
 * A panel's updates, each sent once what it needs is found, and only while no later update has come: an entity's
 * mentions take up to a second to find, and the state asked for meanwhile (another target, another sort) is what the
 * page must end with, not the older one that finished last. An update whose preparation failed is sent all the same,
 * with what was found (the page says what could not be read).
 *
 * @example
 * const updates = new LatestUpdate();
 * void updates.run(() => readMentions(first), () => post(first));  // not posted: a later update came meanwhile
 * void updates.run(() => readMentions(second), () => post(second)); // posted once its mentions are read
 */
export class LatestUpdate {
  private latest = 0;

  /** Prepares an update (`prepare`, if it has to wait for anything) and sends it (`send`) if it is still the latest. */
  async run(prepare: (() => Promise<void>) | undefined, send: () => void): Promise<void> {
    const update = ++this.latest;
    if (prepare) await prepare().catch(() => undefined);
    if (update === this.latest) send();
  }
}
