// Paths on the command line whose names are not UTF-8. Node decodes argv as UTF-8, so a Latin-1
// byte (é written as 0xE9) arrives as U+FFFD and the decoded path no longer opens. The bytes are
// still in /proc/self/cmdline (Linux); elsewhere, a folder entry whose name decodes to the same
// text is taken when there is exactly one.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const REPLACEMENT = '\uFFFD';

/** The path to open for a command-line argument: the argument itself, or its original bytes when it was not UTF-8. */
export function rawPath(arg: string): string | Buffer {
  if (!arg.includes(REPLACEMENT)) return arg;
  return fromCmdline(arg) ?? fromFolder(arg) ?? arg;
}

/** True when the argument could not be decoded (it holds U+FFFD) and no bytes were found for it. */
export const undecoded = (arg: string, path: string | Buffer): boolean => typeof path === 'string' && arg.includes(REPLACEMENT);

function unique(found: Buffer[]): Buffer | null {
  const first = found[0];
  return first && found.every((b) => b.equals(first)) ? first : null;
}

function fromCmdline(arg: string): Buffer | null {
  let all: Buffer;
  try {
    all = readFileSync('/proc/self/cmdline');
  } catch {
    return null;
  }
  const found: Buffer[] = [];
  for (let start = 0; start < all.length;) {
    let end = all.indexOf(0, start);
    if (end < 0) end = all.length;
    const part = all.subarray(start, end);
    if (part.toString('utf8') === arg) found.push(Buffer.from(part));
    start = end + 1;
  }
  return unique(found);
}

function fromFolder(arg: string): Buffer | null {
  const dir = dirname(arg);
  if (dir.includes(REPLACEMENT)) return null;
  try {
    const names = readdirSync(dir, { encoding: 'buffer' }).filter((n) => n.toString('utf8') === basename(arg));
    const name = unique(names);
    return name ? Buffer.concat([Buffer.from(arg.startsWith('/') || dir !== '.' ? `${dir}/` : ''), name]) : null;
  } catch {
    return null;
  }
}

/** Pipes the shell opened, with their writer already there: standard input and process substitution, <(command), which is /dev/fd/N. */
export const SHELL_PIPE = /^\/(?:dev\/stdin|dev\/fd\/\d+|proc\/self\/fd\/\d+)$/;
