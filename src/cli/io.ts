// The outer ring's view of the process: streams, environment, TTY. Tests pass their own.

import { closeSync, constants, fstatSync, openSync, readSync, type PathLike } from 'node:fs';

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
  /** Standard input (for `lint -`), but no more than max + 1 bytes: an endless stream is cut there. */
  readStdin(max: number): Promise<Buffer>;
}

/** Bad input or usage: one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/**
 * Bad input or usage: one line on stderr and exit 2; anything else is rethrown (a bug). By name,
 * not instanceof: each command is a bundle of its own, with its own copy of the UsageError class.
 */
export function usageExit(e: unknown, io: Pick<Io, 'stderr'>): number {
  if (!(e instanceof Error && e.name === 'UsageError')) throw e;
  io.stderr.write(`deploy-advisor: error: ${e.message}\n`);
  return EXIT.usage;
}

/** An explicit --color or --no-color first; then https://no-color.org (present and not empty). */
export function colorWanted(io: Io, flag: boolean | undefined, stream: Out): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
}

/** Prompting is allowed only on a terminal, and never in CI or a pre-commit hook. */
export function canPrompt(io: Io, interactive: boolean): boolean {
  return interactive && io.stdinIsTTY && Boolean(io.stderr.isTTY) && !io.env.CI && !io.env.PRE_COMMIT;
}

/** What kind of thing a path is, when it is not a regular file or a folder (for messages). */
export function oddKind(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  return st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
}

/**
 * Reads a file, stopping one byte past max: whatever `stat` says (/dev/zero says 0), the reader
 * never holds more than max + 1 bytes, so the caller can tell "too large" without reading it all.
 * With regularOnly, anything but a regular file is refused before a byte is read (and a FIFO
 * swapped in after a check cannot block the open).
 */
export function readCapped(path: PathLike, max: number, regularOnly = false): Buffer {
  const fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  try {
    if (regularOnly) {
      const st = fstatSync(fd);
      if (!st.isFile()) throw Object.assign(new Error(oddKind(st)), { code: 'ENOTREGULAR' });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    while (total <= max) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, max + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}
