// Finding a panel's content frame by what it is (body[data-panel]), since hidden webviews stay in the page.
import type { Frame, Page } from 'playwright-core';

export async function panelFrame(page: Page, kind: 'run' | 'sweep' | 'compare', timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const found = await frame.evaluate((k) => document.body?.dataset.panel === k && document.visibilityState === 'visible' && !!document.querySelector('#app :not(.loading)'), kind);
        if (found) return frame;
      } catch { /* frame navigating or gone */ }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no ${kind} panel with content within ${timeoutMs} ms`);
}

/** Non-transparent pixels drawn on the canvases under `selector` (a chart that drew nothing has none). */
export function drawnPixels(frame: Frame, selector: string): Promise<number> {
  return frame.evaluate((sel) => {
    let count = 0;
    const roots = Array.from(document.querySelectorAll(sel));
    const canvases = roots.flatMap((root) => (root instanceof HTMLCanvasElement ? [root] : Array.from(root.querySelectorAll('canvas'))));
    for (const canvas of canvases) {
      const ctx = (canvas as HTMLCanvasElement).getContext('2d');
      if (!ctx || (canvas as HTMLCanvasElement).width === 0) continue;
      const data = ctx.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
    }
    return count;
  }, selector);
}
