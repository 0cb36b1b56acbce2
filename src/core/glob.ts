/**
 * A compiled glob pattern over `/`-separated relative paths: `**` crosses folders, `*` and `?` stay
 * inside one name, `{a,b}` is either, `[abc]` one of. Matching is case-sensitive, as on Linux.
 *
 * @example
 * const excluded: GlobMatcher = compileGlob('**\/node_modules/**', '**\/.git/**');
 * excluded('web/node_modules/react/index.js'); // true
 * excluded('news/kim.txt');                    // false
 */
export interface GlobMatcher {
  (relativePath: string): boolean;
}

const REGEXP_SPECIALS = /[.+^$()|\\]/;

/**
 * The regular expression source of `pattern`. A pattern that does not pair its brackets is still translated, as it
 * always was (an open `{` closed at the end, a lone `[`, `}` or `]` taken as itself), and `onProblem` hears what is
 * wrong with it, once for each such bracket, with the 1-based character where it stands and the pattern.
 */
function translate(pattern: string, onProblem: (problem: string) => void = () => undefined): string {
  let out = '';
  const openBraces: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = pattern[i + 2] === '/' || i + 2 === pattern.length;
        if (atSegmentStart && atSegmentEnd) {
          // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
          out += pattern[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
          i += pattern[i + 2] === '/' ? 2 : 1;
          continue;
        }
        i++;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      openBraces.push(i);
      out += '(?:';
    } else if (char === '}' && openBraces.length > 0) {
      openBraces.pop();
      out += ')';
    } else if (char === ',' && openBraces.length > 0) {
      out += '|';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        onProblem(`the "[" at character ${i + 1} of "${pattern}" is never closed`);
        out += '\\[';
      } else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        // A class never matches the separator, as `*` and `?` do not: "[!b]" is any one character of a name but b.
        out += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = close;
      }
    } else {
      if (char === '}' || char === ']') onProblem(`the "${char}" at character ${i + 1} of "${pattern}" closes no "${char === '}' ? '{' : '['}"`);
      out += REGEXP_SPECIALS.test(char) || char === '}' || char === ']' ? `\\${char}` : char;
    }
  }
  for (const open of openBraces) onProblem(`the "{" at character ${open + 1} of "${pattern}" is never closed`);
  return out + ')'.repeat(openBraces.length);
}

/**
 * What makes `pattern` a glob pattern that cannot be read as its writer meant, or `undefined` when nothing does: a
 * `{` or `[` never closed, a `}` or `]` that closes none. VS Code's own globs drop what follows such a bracket, and
 * the matchers here would close it at the end or take it as itself: neither is what was meant, and an include
 * setting of `**\/{live` emptied the corpus without a word. The first problem, with its 1-based character.
 *
 * @example
 * globProblem('**\/{live');          // 'the "{" at character 4 of "**\/{live" is never closed'
 * globProblem('[');                   // 'the "[" at character 1 of "[" is never closed'
 * globProblem('**\/{a,b}/[!x]*.txt'); // undefined
 */
export function globProblem(pattern: string): string | undefined {
  let first: string | undefined;
  translate(pattern, (problem) => (first ??= problem));
  return first;
}

/** The patterns as they are matched: trimmed, without a leading `./` or `/`, empty ones left out. */
function usablePatterns(patterns: readonly string[]): string[] {
  return patterns.map((pattern) => pattern.trim().replace(/^\.\//, '').replace(/^\//, '')).filter((pattern) => pattern.length > 0);
}

/**
 * Compiles a glob pattern such as VS Code's settings hold (`**\/*.txt`, `**\/{node_modules,.git}/**`).
 * Several patterns may be given; the matcher accepts a path that any of them matches. Empty patterns match nothing.
 *
 * @example
 * const isText = compileGlob('**\/*.txt');
 * isText('news/2023/kim.txt'); // true
 * isText('news/kim.md');       // false
 */
export function compileGlob(...patterns: readonly string[]): GlobMatcher {
  const usable = usablePatterns(patterns);
  if (usable.length === 0) return () => false;
  const regexp = new RegExp(`^(?:${usable.map((pattern) => translate(pattern)).join('|')})$`);
  return (relativePath) => regexp.test(relativePath);
}

/**
 * Whether everything inside `folder` is excluded by `matcher`, so a walk need not enter it.
 * A folder is pruned when the pattern names the folder itself (`**\/.git`) or all that is below it (`drafts/**`).
 *
 * @example
 * excludesFolder(compileGlob('**\/node_modules/**'), 'web/node_modules'); // true
 * excludesFolder(compileGlob('**\/*.log'), 'logs');                       // false
 */
export function excludesFolder(matcher: GlobMatcher, folder: string): boolean {
  // A NUL cannot occur in a file name, so only a pattern matching every name below the folder matches it.
  return matcher(folder) || matcher(`${folder}/\u0000`);
}

/**
 * Whether a file name (its last path segment) matches, within one folder: what {@link FolderGlob.inFolder} gives.
 *
 * @example
 * const matches: NameMatcher = compileFolderGlob('**\/*.txt').inFolder('news/2023');
 * matches('kim.txt'); // true
 */
export interface NameMatcher {
  (name: string): boolean;
}

/**
 * A glob compiled to be matched a folder at a time: {@link FolderGlob.inFolder} matches the folder part of every
 * pattern once and gives a matcher of the names in that folder, which agrees with {@link compileGlob} on the whole
 * path. A listing tests each file's name against a short expression instead of its whole path against every
 * pattern (100,000 paths against the default excludes took 37–110 ms, a tenth of an unchanged rescan).
 *
 * @example
 * const excluded = compileFolderGlob('**\/{node_modules,.git}/**', '**\/.DS_Store').inFolder('news/2023');
 * excluded('kim.txt');   // false
 * excluded('.DS_Store'); // true
 */
export interface FolderGlob {
  inFolder(relativeFolder: string): NameMatcher;
}

/** A pattern cut after its last `/`: which folders it applies to, and what it asks of a name in them. */
interface FolderPattern {
  /** Matches the folder's path with a `/` after it (empty at the root), as the pattern's part up to its last `/` does. */
  readonly folder: RegExp;
  /** The expression a name must match, or `undefined` when the pattern takes every name (it ends in `**`). */
  readonly name: string | undefined;
}

const NO_NAME: NameMatcher = () => false;
const ANY_NAME: NameMatcher = () => true;

/**
 * Cuts `pattern` after its last `/` (see {@link FolderPattern}); `undefined` when a `/` lies inside braces or
 * brackets, where the cut would split an alternative: such a pattern is matched on the whole path.
 */
function folderPattern(pattern: string): FolderPattern | undefined {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close !== -1 && pattern.slice(i, close).includes('/')) return undefined;
      if (close !== -1) i = close;
    } else if (char === '/') {
      if (depth > 0) return undefined;
      cut = i;
    }
  }
  const folder = translate(pattern.slice(0, cut + 1));
  const name = pattern.slice(cut + 1);
  // A final "**" takes every name in the folders the rest matches and in all the folders below them.
  if (name === '**') return { folder: new RegExp(`^(?:${folder})(?:.*/)?$`), name: undefined };
  return { folder: new RegExp(`^(?:${folder})$`), name: translate(name) };
}

/**
 * Compiles glob patterns (as {@link compileGlob} does) to be matched a folder at a time. The name matcher of each
 * distinct set of patterns that apply to a folder is compiled once, so a folder costs one test of each pattern's
 * folder part, not a compilation.
 *
 * @example
 * const included = compileFolderGlob('**\/*.txt');
 * included.inFolder('news')('kim.txt'); // true
 * included.inFolder('')('notes.md');    // false
 */
export function compileFolderGlob(...patterns: readonly string[]): FolderGlob {
  const usable = usablePatterns(patterns);
  const split = usable.map(folderPattern);
  const cut = split.filter((pattern): pattern is FolderPattern => pattern !== undefined);
  const whole = usable.filter((_pattern, i) => split[i] === undefined);
  const wholePath = whole.length > 0 ? compileGlob(...whole) : undefined;
  const byNames = new Map<string, NameMatcher>();
  return {
    inFolder(relativeFolder) {
      const prefix = relativeFolder === '' ? '' : `${relativeFolder}/`;
      const applying = cut.filter((pattern) => pattern.folder.test(prefix));
      let names: NameMatcher;
      if (applying.some((pattern) => pattern.name === undefined)) names = ANY_NAME;
      else if (applying.length === 0) names = NO_NAME;
      else {
        const source = `^(?:${applying.map((pattern) => pattern.name).join('|')})$`;
        const known = byNames.get(source);
        if (known) names = known;
        else {
          const regexp = new RegExp(source);
          names = (name) => regexp.test(name);
          byNames.set(source, names);
        }
      }
      if (wholePath === undefined || names === ANY_NAME) return names;
      return (name) => names(name) || wholePath(`${prefix}${name}`);
    },
  };
}

/**
 * Which files and folders a walk takes, from include and exclude globs over `/`-separated paths relative to its
 * root: a file when an include pattern matches and no exclude pattern does; a folder unless the excludes cover it
 * (see {@link excludesFolder}). {@link PathFilter.filesIn} matches the names of one folder's files.
 *
 * @example
 * const filter = new PathFilter(['**\/*.txt'], ['**\/{node_modules,.git}/**']);
 * filter.acceptsFile('news/kim.txt');     // true
 * filter.entersFolder('web/node_modules'); // false
 * filter.filesIn('news')('kim.txt');       // true
 */
export class PathFilter {
  private readonly included: GlobMatcher;
  private readonly excluded: GlobMatcher;
  private readonly includedNames: FolderGlob;
  private readonly excludedNames: FolderGlob;

  constructor(include: readonly string[], exclude: readonly string[]) {
    this.included = compileGlob(...include);
    this.excluded = compileGlob(...exclude);
    this.includedNames = compileFolderGlob(...include);
    this.excludedNames = compileFolderGlob(...exclude);
  }

  acceptsFile(relativePath: string): boolean {
    return this.included(relativePath) && !this.excluded(relativePath);
  }

  entersFolder(relativePath: string): boolean {
    return !excludesFolder(this.excluded, relativePath);
  }

  /** Whether the file `name` in `relativeFolder` is taken, as {@link acceptsFile} says of its whole path. */
  filesIn(relativeFolder: string): NameMatcher {
    const included = this.includedNames.inFolder(relativeFolder);
    const excluded = this.excludedNames.inFolder(relativeFolder);
    if (excluded === NO_NAME) return included;
    return (name) => included(name) && !excluded(name);
  }
}
