import * as path from 'node:path';
import * as vscode from 'vscode';
import { PathFilter } from '../core/glob';
import { CorpusSettings } from './settings';
import { uriOfIndexPath } from './index-paths';

/** A file that may be an article (the path the user sees is worked out only when needed: a skipped file). */
export interface Candidate {
  readonly uri: vscode.Uri;
}

/** A folder the walk could not read, with the path the user sees. */
export interface UnreadableFolder extends Candidate {
  readonly path: string;
  readonly error: string;
}

/** The include and exclude globs of the settings: what a listing, here or in its own thread, takes. */
export function listingGlobs(settings: CorpusSettings): { readonly include: readonly string[]; readonly exclude: readonly string[] } {
  return { include: [settings.include], exclude: [settings.exclude, ...settings.filesExclude] };
}

/** Decides, from the settings, which workspace-relative paths are candidates. */
export class CandidateFilter extends PathFilter {
  constructor(settings: CorpusSettings) {
    const { include, exclude } = listingGlobs(settings);
    super(include, exclude);
  }
}

/** The path shown for a file: relative to its folder, prefixed with the folder's name in a multi-root workspace. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/**
 * Shows the paths of many indexed files at once (the index path is the file's path on disk, or its URI). In a
 * workspace of one folder on this disk, a file below it is shown by its path relative to the folder, worked out
 * here: `asRelativePath` looks the folder up for each file, a quarter of a second for 20,000 articles. Anything
 * else is left to {@link displayPath}.
 */
export function displayPaths(): (indexPath: string) => string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const only = folders.length === 1 && folders[0]?.uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
  if (only === undefined) return (indexPath) => displayPath(uriOfIndexPath(indexPath));
  const root = only.endsWith(path.sep) ? only : `${only}${path.sep}`;
  const relative = path.sep === '/' ? (rest: string) => rest : (rest: string) => rest.split(path.sep).join('/');
  return (indexPath) => (indexPath.startsWith(root) ? relative(indexPath.slice(root.length)) : displayPath(uriOfIndexPath(indexPath)));
}

/**
 * Lists the candidate files below a workspace folder through `workspace.fs`, so that remote and
 * virtual workspaces work too. `startFolder` (relative to `folder`) limits the walk to a subfolder. Excluded folders are not entered; folder symlinks are not followed
 * (they can loop); unreadable folders are reported, not thrown.
 */
export async function findCandidates(
  folder: vscode.Uri,
  filter: CandidateFilter,
  signal: AbortSignal,
  startFolder = '',
): Promise<{ candidates: Candidate[]; unreadable: UnreadableFolder[] }> {
  const candidates: Candidate[] = [];
  const unreadable: UnreadableFolder[] = [];
  const pending: string[] = [startFolder];
  while (pending.length > 0 && !signal.aborted) {
    const relativeFolder = pending.pop() ?? '';
    const takes = filter.filesIn(relativeFolder);
    const folderUri = relativeFolder ? vscode.Uri.joinPath(folder, relativeFolder) : folder;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folderUri);
    } catch (error) {
      unreadable.push({ uri: folderUri, path: displayPath(folderUri), error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const [name, type] of entries) {
      const relativePath = relativeFolder ? `${relativeFolder}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!(type & vscode.FileType.SymbolicLink) && filter.entersFolder(relativePath)) pending.push(relativePath);
      } else if (type & vscode.FileType.File && takes(name)) {
        candidates.push({ uri: vscode.Uri.joinPath(folder, relativePath) });
      }
    }
  }
  return { candidates, unreadable };
}
