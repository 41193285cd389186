// The bundle's entry: runs the CLI against the real process.

import { run } from './program';

// A reader that stops early (`deploy-advisor limits | head`) closes the pipe: stop quietly, as
// other CLIs do, instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: Boolean(process.stdin.isTTY),
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

run(process.argv.slice(2), io).then(
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
