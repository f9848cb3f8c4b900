// The HTML shell of every panel: a strict CSP with a fresh crypto nonce (no 'unsafe-inline', no 'unsafe-eval'),
// one bundled script per panel from dist/webview/, and the shared stylesheet from media/.
import * as vscode from 'vscode';
import type { PanelKind } from '../../shared/webviewMessages';
import { contentSecurityPolicy, newNonce } from './csp';

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, kind: PanelKind, title: string): string {
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${kind}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const escapedTitle = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>${escapedTitle}</title>
</head>
<body data-panel="${kind}">
<main id="app"><p class="loading">Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** The folders a panel may load from: the extension's dist/ and media/, and the store (grid images). */
export function panelResourceRoots(extensionUri: vscode.Uri, storeDir: string): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.file(storeDir)];
}
