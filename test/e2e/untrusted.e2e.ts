// In an untrusted workspace (Restricted Mode) the extension shows the store's runs but starts nothing; a failed
// run's panel shows its error and log tail.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { packageExtension, startCodeServer, type CodeServer } from './rig/codeServer';
import { createFailedRunWorkspace, FAILED_RUN } from './rig/failedRunStore';
import { panelFrame } from './rig/panels';
import { requireRig } from './rig/paths';
import { launchBrowser, openPalette, openWorkbench, screenshot } from './rig/workbench';

describe('Autoencoder Lab in an untrusted workspace (code-server)', function () {
  let workspace: string;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async function () {
    this.timeout(300_000);
    requireRig();
    workspace = createFailedRunWorkspace();
    server = await startCodeServer(workspace, packageExtension(), false);
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the runs, opens a failed run with its error and log tail, and offers no command that starts work', async () => {
    await page.getByRole('tab', { name: /Autoencoder Lab/ }).first().click();
    const sweep = page.getByRole('treeitem', { name: /^fixture-sweep, failed/ });
    await sweep.waitFor({ timeout: 60_000 });
    const run = page.getByRole('treeitem', { name: new RegExp(`^${FAILED_RUN.name}, failed`) });
    if (!(await run.isVisible())) await sweep.click();
    await run.click();
    const frame = await panelFrame(page, 'run');
    const error = await frame.locator('section.error').innerText();
    assert.match(error, new RegExp(FAILED_RUN.message));
    assert.match(error, new RegExp(FAILED_RUN.logLine));
    await screenshot(page, '8-untrusted-failed-run');

    // Start, colorize, repair are disabled: the palette does not offer them (in a trusted window it lists each at once).
    await page.getByRole('tab', { name: /Autoencoder Lab/ }).first().waitFor();
    for (const title of ['Start Sweep', 'Start Run', 'Colorize Image', 'Repair Store']) {
      await openPalette(page, `>Autoencoder Lab: ${title}`);
      await page.waitForTimeout(1_000);
      const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      assert.ok(!offered.some((text) => text.startsWith(`Autoencoder Lab: ${title}`)), `${title} offered in Restricted Mode: ${offered.join(' | ')}`);
      await page.keyboard.press('Escape');
    }
    // The same palette does offer what only reads the store.
    await openPalette(page, '>Autoencoder Lab: Open Run');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Autoencoder Lab: Open Run' }).first().waitFor();
    await page.keyboard.press('Escape');
  });
});
