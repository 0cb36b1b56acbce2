import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES } from '../core/article-file';
import { DateOrder, DEFAULT_DATE_ORDER } from '../core/date-groups';
import { withoutProductPrefix } from '../core/messages';
import { SearchOptions } from '../core/search/corpus-index';
import { globSettingProblem, MAX_FILE_SIZE_KB, wholeSetting } from '../core/setting-values';

/** Everything the corpus reads from the settings, as plain data. */
export interface CorpusSettings {
  readonly include: string;
  readonly exclude: string;
  /** The `files.exclude` globs that are switched on. */
  readonly filesExclude: readonly string[];
  readonly maxFileBytes: number;
}

/** How the Dates view is arranged. */
export interface DatesViewSettings {
  readonly order: DateOrder;
  readonly undatedLabel: string;
}

export const SETTINGS_SECTION = 'newsCorpus';
const DEFAULT_INCLUDE = '**/*.txt';
const DEFAULT_EXCLUDE = '**/{node_modules,.git}/**';
const DEFAULT_UNDATED_LABEL = 'Undated';

/** Reads the corpus settings that apply to a workspace folder. */
export function readCorpusSettings(scope?: vscode.ConfigurationScope): CorpusSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const filesExclude = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude') ?? {};
  return {
    include: config.get<string>('include') || DEFAULT_INCLUDE,
    exclude: config.get<string>('exclude') ?? DEFAULT_EXCLUDE,
    // `files.exclude` values may also be `{ when: … }` conditions on siblings; only plain `true` is honoured.
    filesExclude: Object.entries(filesExclude)
      .filter(([, enabled]) => enabled === true)
      .map(([glob]) => glob),
    maxFileBytes: wholeSetting(config.get<unknown>('maxFileSizeKB'), { min: 1, max: MAX_FILE_SIZE_KB, fallback: DEFAULT_MAX_FILE_BYTES / 1024 }) * 1024,
  };
}

/** The corpus's glob pattern settings, under {@link SETTINGS_SECTION}. */
export type GlobSettingKey = 'include' | 'exclude';

/** A glob pattern setting that cannot be used: which, and what is wrong in it, in a sentence naming the setting. */
export interface MalformedSetting {
  readonly key: GlobSettingKey;
  /** As in 'the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed'. */
  readonly problem: string;
}

/**
 * The include or exclude setting that is unusable (a glob pattern whose brackets do not pair), the include setting
 * first; `undefined` when both can be read as meant. `files.exclude` is left as VS Code reads it: it is the
 * Explorer's setting, not the corpus's, and VS Code takes any pattern there without a word.
 */
export function malformedCorpusSetting(settings: CorpusSettings): MalformedSetting | undefined {
  for (const key of ['include', 'exclude'] as const) {
    const problem = globSettingProblem(`${SETTINGS_SECTION}.${key}`, settings[key]);
    if (problem !== undefined) return { key, problem: withoutProductPrefix(problem) };
  }
  return undefined;
}

/**
 * What a scan says of the folders it left out, each named (in a multi-root workspace their settings may differ),
 * with why: the other folders were read.
 */
export function foldersNotReadMessage(notRead: readonly { readonly folder: vscode.WorkspaceFolder; readonly setting: MalformedSetting }[]): string {
  return notRead.map(({ folder, setting }) => `the folder "${folder.name}" was not read, because ${setting.problem}`).join('; ');
}

export function readDatesViewSettings(): DatesViewSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    order: config.get<DateOrder>('dateOrder') ?? DEFAULT_DATE_ORDER,
    undatedLabel: config.get<string>('undatedLabel') || DEFAULT_UNDATED_LABEL,
  };
}

/** Whether a configuration change touches what the corpus is made of. */
export function affectsCorpus(event: vscode.ConfigurationChangeEvent): boolean {
  return ['include', 'exclude', 'maxFileSizeKB'].some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`)) || event.affectsConfiguration('files.exclude');
}

/** Whether the Dates view selects the article of the active editor. */
export function readRevealActiveArticle(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('revealActiveArticle') ?? true;
}

/** Whether entity mentions in articles are coloured by type. */
export function readHighlightEntities(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('highlightEntities') ?? true;
}

/** Whether article files open in the News Article language. */
export function readHighlightArticles(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('highlightArticles') ?? true;
}

/** Most results the search box lists, by default and at most (as the manifest says). */
const DEFAULT_SEARCH_RESULTS = 50;
const MAX_SEARCH_RESULTS = 1000;

/** How the search box runs queries: how many results, and which equally ranked article comes first. */
export function readSearchOptions(): SearchOptions {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const order = config.get<DateOrder>('dateOrder') ?? DEFAULT_DATE_ORDER;
  return { limit: wholeSetting(config.get<unknown>('searchResults'), { min: 1, max: MAX_SEARCH_RESULTS, fallback: DEFAULT_SEARCH_RESULTS }), tieBreak: order === 'oldest-first' ? 'oldest' : 'newest' };
}
