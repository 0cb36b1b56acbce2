import * as vscode from 'vscode';
import { describeSkip, readArticleFile } from '../core/article-file';
import { CorpusArticle, SkippedFile } from '../core/corpus';
import { Candidate } from './workspace-scanner';

/** What reading one candidate file gave: an article, a skipped file, or nothing because it was deleted meanwhile. */
export type CandidateOutcome =
  | { readonly kind: 'article'; readonly article: CorpusArticle }
  | { readonly kind: 'skipped'; readonly file: SkippedFile }
  | { readonly kind: 'gone' };

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

function unreadable(candidate: Candidate, error: unknown): CandidateOutcome {
  const message = describeSkip('unreadable', { error: error instanceof Error ? error.message : String(error) });
  return { kind: 'skipped', file: { id: candidate.uri.toString(), path: candidate.path, reason: 'unreadable', message } };
}

/**
 * Reads one candidate through `workspace.fs`. The size is checked before reading so a huge file is never
 * loaded; a file deleted between listing and reading is `gone`, not an error. Never writes to the file.
 */
export async function readCandidate(candidate: Candidate, maxFileBytes: number): Promise<CandidateOutcome> {
  const id = candidate.uri.toString();
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(candidate.uri);
    if (stat.size > maxFileBytes) {
      return { kind: 'skipped', file: { id, path: candidate.path, reason: 'too-large', message: describeSkip('too-large', { size: stat.size, maxBytes: maxFileBytes }) } };
    }
    bytes = await vscode.workspace.fs.readFile(candidate.uri);
  } catch (error) {
    return isFileNotFound(error) ? { kind: 'gone' } : unreadable(candidate, error);
  }
  const result = readArticleFile(bytes, maxFileBytes);
  if (result.kind === 'skipped') return { kind: 'skipped', file: { id, path: candidate.path, reason: result.reason, message: result.message } };
  const { article } = result;
  const entry: CorpusArticle = { id, path: candidate.path, title: article.title, diagnostics: article.diagnostics };
  return { kind: 'article', article: article.date === undefined ? entry : { ...entry, date: article.date } };
}
