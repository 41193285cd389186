// The bundle's entry: runs the CLI against the real process.

import { fstatSync, writeSync } from 'node:fs';
import { usageExit, type Io, type Out } from './io';

// A reader that stops early (`deploy-advisor limits | head`) closes the pipe: stop quietly, as
// other CLIs do, instead of dying with an EPIPE stack trace. Any other failure to write (a full
// disk, > /dev/full, a closed descriptor) is one line on stderr and exit 2, never a stack trace.
const WRITE_PROBLEMS: Record<string, string> = { ENOSPC: 'no space left on the device', EIO: 'an input/output error', EBADF: 'it is closed', EDQUOT: 'the disk quota is used up', EFBIG: 'the file is too large' };
function cannotWrite(e: NodeJS.ErrnoException, what: 'standard output' | 'standard error'): never {
  if (what === 'standard output') {
    try {
      writeSync(2, `deploy-advisor: error: cannot write to ${what}: ${WRITE_PROBLEMS[e.code ?? ''] ?? e.message}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left
    }
  }
  process.exit(2);
}
const wired = new Set<NodeJS.WriteStream>();
function quietOnEpipe<T extends NodeJS.WriteStream>(stream: T): T {
  if (!wired.has(stream)) {
    wired.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      const s: NodeJS.WriteStream = stream;
      cannotWrite(e, s === process.stderr ? 'standard error' : 'standard output');
    });
  }
  return stream;
}

// The standard streams are made on first use: Node builds process.stdout or process.stdin (a pipe
// or a TTY) only when asked, at milliseconds each, and a clean lint never writes to stdout nor
// reads stdin. Whether stdin is a terminal is asked of the file descriptor, not the stream, and
// only when a command asks (node:tty loads node:net).
// A pipe or a file is never a terminal, and fstat says so in microseconds: node:tty is loaded only
// for character devices (a terminal, or /dev/null).
const isatty = (fd: number): boolean => {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // a closed descriptor is no terminal
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
};

/**
 * Standard output as its file descriptor. A run writes its result once or a few times, and Node's
 * process.stdout costs 1 to 2.5 ms to make (a pipe loads node:net; BENCHMARKS.md): a synchronous
 * write to fd 1 costs microseconds and is written before exit. Where fd 1 is non-blocking and full
 * (EAGAIN), the rest, and everything after it, goes through process.stdout, in order.
 */
function fdStdout(): Out {
  let stream: NodeJS.WriteStream | null = null;
  return {
    write(text: string) {
      if (stream) return stream.write(text);
      let buf = Buffer.from(text);
      while (buf.length > 0) {
        try {
          buf = buf.subarray(writeSync(1, buf));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
          if (code !== 'EAGAIN') cannotWrite(e as NodeJS.ErrnoException, 'standard output');
          stream = quietOnEpipe(process.stdout);
          return stream.write(buf);
        }
      }
      return true;
    },
    get isTTY() {
      return isatty(1);
    },
  };
}

const stdout = fdStdout();
const io: Io = {
  stdout,
  get stderr() {
    return quietOnEpipe(process.stderr);
  },
  get stdinIsTTY() {
    return isatty(0);
  },
  env: process.env,
  cwd: process.cwd(),
  async readStdin(max: number) {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of process.stdin) {
      chunks.push(c as Buffer);
      total += (c as Buffer).length;
      if (total > max) break; // leaving the loop destroys stdin: an endless stream is not read on
    }
    return Buffer.concat(chunks).subarray(0, max + 1);
  },
};

/**
 * `deploy-advisor lint FILE…` with nothing but paths, as pre-commit runs it on every commit, goes
 * straight to the linter: commander and the other commands' code are not even loaded (BENCHMARKS.md).
 * It is what commander would call for those words; anything else (options, help) goes through it.
 */
function plainLint(argv: string[]): string[] | null {
  const [command, ...paths] = argv;
  return command === 'lint' && paths.length > 0 && paths.every((p) => p === '-' || !p.startsWith('-')) ? paths : null;
}

const argv = process.argv.slice(2);
const paths = plainLint(argv);
const exitCode = paths ? import('./lint').then(({ runLint }) => runLint(paths, { format: 'text' }, io)).catch((e: unknown) => usageExit(e, io)) : import('./program').then(({ run }) => run(argv, io));

exitCode.then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not bad input: say so in one line, and how to report it.
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`deploy-advisor: internal error: ${msg} (please report this with the command you ran; DEPLOY_ADVISOR_DEBUG=1 shows the stack)\n`);
    if (process.env.DEPLOY_ADVISOR_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
  },
);
