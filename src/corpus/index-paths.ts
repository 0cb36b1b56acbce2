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
