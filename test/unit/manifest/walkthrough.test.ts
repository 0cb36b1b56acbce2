import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../core/fixtures';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents?: readonly string[];
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
    views: Record<string, readonly { readonly id: string }[]>;
    viewsContainers: { activitybar: readonly { readonly id: string }[] };
    walkthroughs: readonly { readonly id: string; readonly steps: readonly Step[] }[];
  };
};
const { commands, views, viewsContainers, walkthroughs } = manifest.contributes;
const commandIds = new Set(commands.map(({ command }) => command));
const viewIds = new Set(Object.values(views).flatMap((list) => list.map(({ id }) => id)));
const steps = walkthroughs.flatMap((walkthrough) => walkthrough.steps);
/** The workbench's own commands a step may link to: opening a folder and showing the extension's view container. */
const WORKBENCH_COMMANDS = new Set(['workbench.action.files.openFolder', ...viewsContainers.activitybar.map(({ id }) => `workbench.view.extension.${id}`)]);

describe('the Get Started walkthrough (package.json)', () => {
  it('has steps whose media are shipped Markdown files', () => {
    assert.ok(steps.length >= 5, `${steps.length} steps`);
    for (const step of steps) {
      const file = step.media.markdown ?? '';
      assert.match(file, /^media\//, `${step.id}: media ships only from media/ (.vscodeignore)`);
      assert.ok(existsSync(path.join(REPO_ROOT, file)) && readFileSync(path.join(REPO_ROOT, file), 'utf8').trim() !== '', `${step.id}: ${file}`);
    }
  });

  it('links only commands that exist, and completes on commands and views that exist', () => {
    for (const step of steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1] ?? '');
      assert.ok(linked.length > 0, `${step.id} has a button`);
      for (const command of linked) assert.ok(commandIds.has(command) || WORKBENCH_COMMANDS.has(command), `${step.id}: ${command}`);
      for (const event of step.completionEvents ?? []) {
        const [kind, target = ''] = event.split(':');
        if (kind === 'onCommand') assert.ok(commandIds.has(target), `${step.id}: ${event}`);
        else if (kind === 'onView') assert.ok(viewIds.has(target), `${step.id}: ${event}`);
        else assert.strictEqual(kind, 'onContext', `${step.id}: ${event}`);
      }
    }
  });

  it('names in its pages only commands the palette has, as it lists them', () => {
    const titles = new Set(commands.map(({ title, category }) => `${category ?? ''}: ${title}`));
    for (const step of steps) {
      const page = readFileSync(path.join(REPO_ROOT, step.media.markdown ?? ''), 'utf8');
      for (const [, named] of page.matchAll(/\*\*(News Corpus: [^*]+)\*\*/g)) assert.ok(titles.has(named ?? '') || titles.has(`${named ?? ''}…`), `${step.id}: ${named ?? ''}`);
    }
  });
});
