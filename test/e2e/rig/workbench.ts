// Driving the VS Code workbench in Chromium (selectors verified in ../shared/notes/vscode-e2e.md).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90_000 });
  // The extension's contributions are loaded once its activity-bar container shows.
  await page.getByRole('tab', { name: /Autoencoder Lab/ }).first().waitFor({ timeout: 90_000 });
  return page;
}

/**
 * F1 and type `text` into the palette, again from the start if the palette was closed under us (early in
 * start-up, or as a panel or editor that opens late takes the focus: the input then turns inert and hides).
 */
export async function openPalette(page: Page, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').fill(text, { timeout: 5_000 });
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw error;
    }
  }
}

/** F1, type the command's title, run it (again from the start if the palette was not ready or was closed). */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await openPalette(page, `>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw error;
    }
  }
}

/** Picks an entry of the quick pick that is open now. */
async function pickQuickItem(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(text, { timeout: 10_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Runs a command that asks for one item, and picks it; the whole again if its quick pick was closed before the
 * pick (focus taken by a panel that opened late). Only for commands that do nothing until the pick.
 */
export async function runCommandAndPick(page: Page, title: string, item: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, title);
      return await pickQuickItem(page, item);
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw error;
    }
  }
}

/** Runs an entry of the open context menu: hover focuses it, Enter runs it (a synthetic click is not taken). */
export async function chooseMenuItem(page: Page, name: string): Promise<void> {
  const item = page.getByRole('menuitem', { name });
  await item.hover();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'hidden' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
