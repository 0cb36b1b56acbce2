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

function translate(pattern: string): string {
  let out = '';
  let braceDepth = 0;
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
      braceDepth++;
      out += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (char === ',' && braceDepth > 0) {
      out += '|';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        out += '\\[';
      } else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else {
      out += REGEXP_SPECIALS.test(char) || char === '}' || char === ']' ? `\\${char}` : char;
    }
  }
  return out + ')'.repeat(braceDepth);
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
  const usable = patterns.map((pattern) => pattern.trim().replace(/^\.\//, '').replace(/^\//, '')).filter((pattern) => pattern.length > 0);
  if (usable.length === 0) return () => false;
  const regexp = new RegExp(`^(?:${usable.map(translate).join('|')})$`);
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
