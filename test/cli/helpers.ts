import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/deploy-advisor.cjs');
export const ROOT = resolve(__dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in a minimal environment (no TTY, NO_COLOR). */
export function cli(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI with stdin an open pipe that never sends anything (as some CI runners do). */
export function cliWithOpenStdin(args: string[], timeoutMs = 8000): Promise<CliResult & { timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}

/** One line, no stack trace. */
export function expectOneLineError(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${stderr}`);
  if (/\n\s+at /.test(stderr) || /Error:/.test(stderr)) throw new Error(`stack trace or raw error on stderr:\n${stderr}`);
}
