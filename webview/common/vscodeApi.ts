// The webview side of the message contract: post typed messages, accept only valid ones, say "ready" once
// the listener is in place, and keep the panel's identity in the webview state for the serializer.
import { isExtensionToWebview, type ExtensionToWebview, type WebviewToExtension } from '../../src/shared/webviewMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewToExtension): void {
  api.postMessage(message);
}

export function saveState(state: Record<string, unknown>): void {
  api.setState(state);
}

/** Listens, then says "ready": the extension sends nothing before it. */
export function listen(handler: (message: ExtensionToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (isExtensionToWebview(event.data)) handler(event.data);
    else console.warn('ignored an invalid message', event.data);
  });
  post({ type: 'ready' });
}
