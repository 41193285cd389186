// The outer ring's view of the process: streams, environment, TTY. Tests pass their own.

export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** All of standard input (for `lint -`). */
  readStdin(): Promise<Buffer>;
}

/** Bad input or usage: one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** https://no-color.org: present and not empty. */
export function colorWanted(io: Io, flag: boolean | undefined, stream: Out): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR) return false;
  if (flag === true) return true;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
}

/** Prompting is allowed only on a terminal, and never in CI or a pre-commit hook. */
export function canPrompt(io: Io, interactive: boolean): boolean {
  return interactive && io.stdinIsTTY && Boolean(io.stderr.isTTY) && !io.env.CI && !io.env.PRE_COMMIT;
}
