// What every panel shares: it owns its WebviewPanel and disposables (webview-sample style), validates what the
// webview sends, and sends data only after the webview said "ready" (again after each reload of its content).
import * as vscode from 'vscode';
import { isWebviewToExtension, type ExtensionToWebview, type PanelKind, type WebviewToExtension } from '../../shared/webviewMessages';
import { panelHtml, panelResourceRoots } from './webviewHtml';

export interface PanelContext {
  extensionUri: vscode.Uri;
  storeDir: string;
  /** Runs a command on behalf of the webview (open run, compare, stop). */
  onRequest: (message: Exclude<WebviewToExtension, { type: 'ready' }>) => void;
}

export abstract class PanelBase implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;

  protected constructor(readonly panel: vscode.WebviewPanel, protected readonly context: PanelContext, kind: PanelKind) {
    panel.webview.options = { enableScripts: true, localResourceRoots: panelResourceRoots(context.extensionUri, context.storeDir) };
    panel.webview.html = panelHtml(panel.webview, context.extensionUri, kind, panel.title);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), null, this.disposables);
  }

  protected get isReady(): boolean {
    return this.ready && !this.disposed;
  }

  /** The full state, sent on every "ready". */
  protected abstract sendState(): Promise<void>;

  protected post(message: ExtensionToWebview): void {
    if (this.isReady) void this.panel.webview.postMessage(message);
  }

  protected asWebviewUri(file: string): string {
    return this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString();
  }

  private receive(message: unknown): void {
    if (!isWebviewToExtension(message)) {
      console.warn('Autoencoder Lab: ignored an invalid message from a webview', message);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      void this.sendState();
    } else {
      this.context.onRequest(message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}
