import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { prettifyError, type ZodType } from 'zod';
import { AuditOutput, CheckArtifactOutput, LintOutput, PricesOutput, RecommendOutput } from '../../src/cli/schemas';

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
  if (r.status !== null && r.status <= 1) checkJsonOutput(args, r.stdout);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The schema (src/cli/schemas.ts) of each command's --format json output. */
export const OUTPUT_SCHEMAS: Record<string, ZodType> = { recommend: RecommendOutput, lint: LintOutput, 'check-artifact': CheckArtifactOutput, prices: PricesOutput, audit: AuditOutput };

/** Throws, naming every problem, unless the document is valid against the command's output schema. */
export function expectSchema(command: keyof typeof OUTPUT_SCHEMAS, doc: unknown): void {
  const r = OUTPUT_SCHEMAS[command]!.safeParse(doc);
  if (!r.success) throw new Error(`${command} --format json does not match its schema (src/cli/schemas.ts):\n${prettifyError(r.error)}`);
}

/**
 * Every --format json output of recommend, lint, check-artifact and prices that a test produces
 * through cli() is checked against its schema (issue 21, item 8).
 */
export function checkJsonOutput(args: string[], stdout: string): void {
  const f = args.indexOf('--format');
  if (f < 0 || args[f + 1] !== 'json' || !stdout.trim()) return;
  const command = args.find((a) => a in OUTPUT_SCHEMAS);
  if (!command) return;
  expectSchema(command, JSON.parse(stdout));
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
