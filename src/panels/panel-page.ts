/**
 * What a panel's page is made of: where its styles and scripts may come from (`cspSource`), the nonce its
 * scripts carry, how a file of `media/panels/` is addressed, its script and its title.
 */
export interface PanelPageParts {
  readonly cspSource: string;
  readonly nonce: string;
  readonly mediaUri: (name: string) => string;
  readonly script: string;
  readonly title: string;
}

/**
 * The page of a panel: a strict Content-Security-Policy, scripts only with this page's nonce, styles and
 * scripts only from `media/`. Without VS Code, so that the render benchmark serves the very same page.
 */
export function panelPage({ cspSource, nonce, mediaUri, script, title }: PanelPageParts): string {
  const escapedTitle = title.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource}; img-src ${cspSource}; font-src ${cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${mediaUri('panels.css')}">
<title>${escapedTitle}</title>
</head>
<body>
<main id="app"></main>
<p id="announce" class="visually-hidden" role="status"></p>
<script nonce="${nonce}" src="${mediaUri('common.js')}"></script>
<script nonce="${nonce}" src="${mediaUri(script)}"></script>
</body>
</html>`;
}
