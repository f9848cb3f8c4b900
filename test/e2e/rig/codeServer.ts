// Packages the extension, installs it into a fresh code-server profile and serves a workspace; stop() kills the
// whole process group (killing only the main pid would leave the extension host and watchers running).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER, NODE24_BIN, REPO, RIG } from './paths';

export interface CodeServer { url: string; profile: string; stop(): void }

const env = (profile: string) => ({
  ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`,
  XDG_CONFIG_HOME: join(profile, 'config'), XDG_DATA_HOME: join(profile, 'data'), HOME: join(profile, 'home'),
});

/** Packages dist/ into a .vsix (again only when dist/ is newer than the last package). */
export function packageExtension(): string {
  const vsix = join(RIG, 'aelab-e2e.vsix');
  const newest = Math.max(...['extension.js', 'cli.js', 'trainer.js', 'webview/run.js'].map((f) => statSync(join(REPO, 'dist', f)).mtimeMs), statSync(join(REPO, 'package.json')).mtimeMs);
  let packaged = 0;
  try { packaged = statSync(vsix).mtimeMs; } catch { /* not packaged yet */ }
  if (packaged < newest) {
    const result = spawnSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  }
  return vsix;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** trusted: false serves the folder in Restricted Mode (workspace trust on, no prompt). */
export async function startCodeServer(workspace: string, vsix: string, trusted = true): Promise<CodeServer> {
  const profile = mkdtempSync(join(tmpdir(), 'aelab-cs-'));
  const userData = join(profile, 'user-data');
  const extensions = join(profile, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(join(profile, 'home'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false, 'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false, 'security.workspace.trust.enabled': !trusted, 'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never', 'files.simpleDialog.enable': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }));
  const install = spawnSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData],
    { env: env(profile), encoding: 'utf8', timeout: 180_000 });
  if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  const port = await freePort();
  const child = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(trusted ? ['--disable-workspace-trust'] : []), '--user-data-dir', userData, '--extensions-dir', extensions, workspace,
  ], { env: env(profile), detached: true, stdio: ['ignore', 'ignore', 'ignore'] });
  const stop = () => {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    rmSync(profile, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, profile, stop };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error('code-server did not answer /healthz within 60 s');
}
