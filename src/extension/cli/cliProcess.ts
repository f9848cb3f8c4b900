// Runs the bundled `aelab` CLI (dist/cli.js) as a child process, with argument arrays (never a shell string).
// Training never runs in the extension host: sweeps and runs are detached controllers that outlive a reload.
import { spawn } from 'node:child_process';
import { openSync, closeSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

export interface CliTarget {
  /** The Node executable (a setting, or the editor's runtime). */
  node: string;
  /** Absolute path of dist/cli.js. */
  cli: string;
  cwd: string;
  /** Extra environment for the CLI (backend, concurrency). */
  env: Record<string, string>;
}

export function cliEnv(target: CliTarget): NodeJS.ProcessEnv {
  // Under desktop VS Code the runtime is Electron: this makes it behave as plain Node.
  return { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...target.env };
}

/**
 * Starts a controller in its own process group, output to `logFile`, and lets go of it (it outlives the editor).
 * `onExit` hears how it ended while this process lives. Returns its pid.
 */
export function startDetached(target: CliTarget, args: string[], logFile: string, onExit?: (code: number | null) => void): number {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(target.node, [target.cli, ...args], {
      cwd: target.cwd, env: cliEnv(target), detached: true, stdio: ['ignore', fd, fd], windowsHide: true,
    });
    child.unref();
    if (onExit) child.on('exit', (code) => onExit(code));
    if (child.pid === undefined) throw new Error(`could not start ${target.node} ${target.cli}`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs the CLI to completion; `signal` kills it (cancel from a progress notification). */
export function runCli(target: CliTarget, args: string[], signal?: AbortSignal, onStderr?: (text: string) => void): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(target.node, [target.cli, ...args], { cwd: target.cwd, env: cliEnv(target), signal, windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); onStderr?.(chunk.toString()); });
    child.on('error', (error) => (error.name === 'AbortError' ? resolve({ code: null, stdout, stderr }) : reject(error)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last JSON object the CLI printed with --json (one per line), or undefined. */
export function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON: progress text
    }
  }
  return undefined;
}
