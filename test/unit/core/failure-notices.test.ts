import * as assert from 'assert';
import * as fc from 'fast-check';
import { FailureNotices } from '../../../src/core/failure-notices';

type Event = { readonly kind: string; readonly failed: boolean };

/** What the notices show and log for `events`, in order. */
function noticesOf(events: readonly Event[]): { shown: string[]; logged: string[] } {
  const shown: string[] = [];
  const logged: string[] = [];
  const failures = new FailureNotices((message) => shown.push(message), (message) => logged.push(message));
  events.forEach(({ kind, failed }, at) => (failed ? failures.failed(kind, `${kind} failed (${at})`) : failures.succeeded(kind)));
  return { shown, logged };
}

describe('FailureNotices', () => {
  it('shows a kind once while it keeps failing, and logs every failure', () => {
    const events = Array.from({ length: 5 }, () => ({ kind: 'listing', failed: true }));
    assert.deepStrictEqual(noticesOf(events), {
      shown: ['listing failed (0)'],
      logged: ['listing failed (0)', 'listing failed (1)', 'listing failed (2)', 'listing failed (3)', 'listing failed (4)'],
    });
  });

  it('shows each kind on its own, and a kind again after it succeeded', () => {
    const events: Event[] = [
      { kind: 'listing', failed: true },
      { kind: 'saving', failed: true },
      { kind: 'listing', failed: true },
      { kind: 'saving', failed: false },
      { kind: 'saving', failed: true },
      { kind: 'listing', failed: true },
    ];
    assert.deepStrictEqual(noticesOf(events).shown, ['listing failed (0)', 'saving failed (1)', 'saving failed (4)']);
  });

  it('shows a failure the user asked again for, even while its kind keeps failing', () => {
    const shown: string[] = [];
    const failures = new FailureNotices((message) => shown.push(message), () => undefined);
    failures.failed('scan', 'scan failed (0)');
    failures.failed('scan', 'scan failed (1)');
    failures.askedAgain('scan');
    failures.failed('scan', 'scan failed (2)');
    failures.failed('scan', 'scan failed (3)');
    assert.deepStrictEqual(shown, ['scan failed (0)', 'scan failed (2)']);
  });

  it('shows exactly the failures that are a kind’s first or its first after a success, and logs them all', () => {
    const event = fc.record({ kind: fc.constantFrom('a', 'b', 'c'), failed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const expected = events.flatMap(({ kind, failed }, at) => {
          const before = events.slice(0, at).filter((earlier) => earlier.kind === kind).at(-1);
          return failed && before?.failed !== true ? [`${kind} failed (${at})`] : [];
        });
        const { shown, logged } = noticesOf(events);
        assert.deepStrictEqual(shown, expected);
        assert.deepStrictEqual(logged, events.flatMap(({ kind, failed }, at) => (failed ? [`${kind} failed (${at})`] : [])));
      }),
    );
  });
});
