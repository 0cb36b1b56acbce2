/**
 * A panel's updates, each sent once what it needs is found, and only while no later update has come: an entity's
 * mentions take up to a second to find, and the state asked for meanwhile (another target, another sort) is what the
 * page must end with, not the older one that finished last. An update whose preparation failed is sent all the same,
 * with what was found (the page says what could not be read). A preparation may also send what it has found so far
 * (`early`), while it goes on: the page then shows the first lines instead of waiting for the last.
 *
 * @example
 * const updates = new LatestUpdate();
 * void updates.run(() => readMentions(first), () => post(first));  // not posted: a later update came meanwhile
 * void updates.run((early) => readMentions(second, early), (final) => post(second, final)); // posted once its mentions are read
 */
export class LatestUpdate {
  private latest = 0;

  /**
   * Prepares an update (`prepare`, if it has to wait for anything) and sends it (`send(true)`) if it is still the latest;
   * each `early()` of the preparation sends it as it stands (`send(false)`), also only while it is the latest.
   */
  async run(prepare: ((early: () => void) => Promise<void>) | undefined, send: (final: boolean) => void): Promise<void> {
    const update = ++this.latest;
    const sendIfLatest = (final: boolean) => {
      if (update === this.latest) send(final);
    };
    if (prepare) await prepare(() => sendIfLatest(false)).catch(() => undefined);
    sendIfLatest(true);
  }
}
