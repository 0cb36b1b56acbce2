import * as vscode from 'vscode';

/**
 * The index names a file by its path on disk when it has one (the indexing threads read it with Node's fs),
 * and by its URI otherwise (the editor reads it and hands the text over).
 */
export function indexPathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The inverse of {@link indexPathOf}: URIs always carry a scheme, absolute disk paths never do. */
export function uriOfIndexPath(indexPath: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(indexPath) && !/^[a-z]:[\\/]/i.test(indexPath) ? vscode.Uri.parse(indexPath) : vscode.Uri.file(indexPath);
}

/**
 * An absolute path on this disk that a file URI spells as it is: POSIX, not a UNC path (`//server/…`, which
 * `Uri.file` reads as an authority), and only the characters a URI's path leaves unencoded.
 */
const PLAIN_FILE_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*$/;

/**
 * The corpus's id of the file an index path names, `uriOfIndexPath(indexPath).toString()`, without making a URI
 * when none is needed: a plain absolute path's URI is `file://` and the path. A reopen lists 100,000 articles
 * before the views show anything, and a URI made and spelled for each was most of that listing.
 */
export function idOfIndexPath(indexPath: string): string {
  return PLAIN_FILE_PATH.test(indexPath) ? `file://${indexPath}` : uriOfIndexPath(indexPath).toString();
}
