// Reads a model.tar.gz as a stream (nothing is extracted or written) and checks it.

import { createReadStream, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createGunzip } from 'node:zlib';
import { Parser } from 'tar';
import { checkEntries, finding, serverlessFit, type ArtifactFinding, type Entry, type EntryType, type Framework } from '../rules/artifact/checks';
import { limit, limitBytes } from '../rules/facts/limits';
import { formatBinaryBytes } from '../rules/units';
import { UsageError, oddKind } from './io';
import { SHELL_PIPE, rawPath } from './raw-path';

export interface ArtifactReport {
  path: string;
  framework: Framework | null;
  entries: number;
  compressedBytes: number;
  /** Sum of the entries' sizes (what /opt/ml/model will hold). */
  uncompressedBytes: number;
  /** Whether the scan read the whole archive. */
  complete: boolean;
  /** What the size means for Serverless; null when the archive is not a valid one (its size means nothing). */
  serverless: string | null;
  findings: ArtifactFinding[];
}

const TYPES: Record<string, EntryType> = {
  File: 'File',
  OldFile: 'File',
  ContiguousFile: 'File',
  Directory: 'Directory',
  SymbolicLink: 'SymbolicLink',
  Link: 'Link',
  CharacterDevice: 'CharacterDevice',
  BlockDevice: 'BlockDevice',
  FIFO: 'FIFO',
};

// Each chunk the gunzip stream emits is a new Buffer, garbage as soon as the tar parser has read it.
// V8 collects such buffers only after tens of MiB of them pile up (more on newer Node versions),
// so a quick young-generation collection every few MiB keeps the peak flat and low.
const COLLECT_EVERY = 8 * 1024 * 1024;
let gcFn: ((o?: { type: 'minor' | 'major' }) => void) | null | undefined;
function collectGarbage(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as typeof gcFn;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.({ type: 'minor' });
}

export async function scanArtifact(path: string, framework: Framework | 'auto'): Promise<ArtifactReport> {
  let size: number;
  if (path === '') throw new UsageError('an empty path was given (an unset shell variable?); give the model.tar.gz file');
  const file = rawPath(path); // its original bytes when the name is not UTF-8
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${path} is a folder; give the model.tar.gz file`);
    // A named pipe would wait for a writer forever (the shell's own pipes, <(command), have one).
    if ((st.isFIFO() || st.isSocket()) && !SHELL_PIPE.test(path)) throw new UsageError(`${path} is ${oddKind(st)}, not a file; give the model.tar.gz file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'ELOOP' ? 'a loop of symbolic links (a link that leads back to itself)' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot read ${path}: ${why}`);
  }

  const entries: Entry[] = [];
  const problems: ArtifactFinding[] = [];
  let compressed = 0;
  // The first bytes of the file tell a gzip header from anything else.
  let head: Buffer | null = null;
  let uncompressed = 0;
  let complete = true;
  const ratio = limit('policy.artifact-bomb-ratio');
  const bombMin = limitBytes('policy.artifact-bomb-min-bytes');
  const maxEntries = limit('policy.artifact-max-entries');

  let nextCollect = COLLECT_EVERY;
  await new Promise<void>((resolve) => {
    const input = createReadStream(file, { highWaterMark: 1 << 16 });
    const gunzip = createGunzip({ chunkSize: 1 << 16 });
    const parser = new Parser({
      strict: true,
      onReadEntry(e) {
        entries.push({ path: e.path, type: TYPES[e.type] ?? 'Other', size: e.size ?? 0, ...(e.linkpath ? { linkpath: e.linkpath } : {}) });
        if (entries.length > maxEntries) stop(finding('DA5007', 'tooManyEntries', { max: maxEntries }));
        e.resume();
      },
    });
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    const stop = (f: ArtifactFinding) => {
      if (done) return;
      problems.push(f);
      complete = false;
      input.destroy();
      gunzip.destroy();
      finish();
    };
    input.on('data', (c: string | Buffer) => {
      if (head === null && Buffer.isBuffer(c)) head = c.subarray(0, 3);
      compressed += c.length;
    });
    input.on('error', (e) => stop(finding('DA5001', 'cannotRead', { problem: e.message })));
    gunzip.on('data', (c: Buffer) => {
      uncompressed += c.length;
      if (uncompressed >= nextCollect) {
        nextCollect = uncompressed + COLLECT_EVERY;
        collectGarbage();
      }
      if (uncompressed > bombMin && uncompressed > ratio * Math.max(compressed, 1)) {
        stop(finding('DA5007', 'bomb', { compressed: formatBinaryBytes(compressed), uncompressed: formatBinaryBytes(uncompressed), ratio }));
      }
    });
    gunzip.on('error', (e: NodeJS.ErrnoException) => {
      // A header error after a valid gzip header (1f 8b, deflate) comes from what follows the
      // first gzip member: gunzip reads on for another member and finds other bytes.
      const gzipHeader = head !== null && head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
      // An empty file is not a cut-short one: nothing was written at all.
      if (compressed === 0) return stop(finding('DA5001', 'emptyFile'));
      const why = /incorrect header check|unknown compression/i.test(e.message) ? (gzipHeader ? 'trailingBytes' : 'notGzip') : /unexpected end/i.test(e.message) ? 'gzipTruncated' : 'gzipCorrupt';
      stop(finding('DA5001', why, { problem: e.message }));
    });
    // With strict: true, node-tar raises its warnings as errors; both land here.
    const tarProblem = (code: string | undefined, m: string) => {
      if (code === 'TAR_ENTRY_INFO') return;
      if (code === 'TAR_BAD_ARCHIVE' && entries.length === 0 && !/truncated/i.test(m)) return stop(finding('DA5001', 'empty'));
      stop(finding('DA5001', /truncated/i.test(m) ? 'tarTruncated' : 'tarCorrupt', { problem: m.replace(/^TAR_\w+: /, '') }));
    };
    parser.on('warn', (code: string, message: string | Error) => tarProblem(code, typeof message === 'string' ? message : message.message));
    parser.on('error', (e: NodeJS.ErrnoException) => tarProblem(e.code, e.message));
    parser.on('end', finish);
    parser.on('close', finish);
    // Two zero blocks end the archive: whatever follows is padding (tar pads to a record, and some
    // tools pad far more), which the parser would only buffer. Stop reading there, as tar does.
    parser.on('eof', () => {
      if (done) return;
      input.unpipe(gunzip);
      gunzip.unpipe(parser);
      input.destroy();
      gunzip.destroy();
      finish();
    });
    input.pipe(gunzip).pipe(parser);
  });

  if (complete && entries.length === 0 && !problems.length) problems.push(finding('DA5001', 'empty'));
  const { findings, framework: fw } = checkEntries(entries, framework, complete);
  const uncompressedBytes = entries.reduce((n, e) => n + (e.type === 'File' ? e.size : 0), 0);
  const all = [...problems, ...findings];
  // The size of an archive that is not valid (or was not read to the end) says nothing about Serverless.
  const valid = complete && !all.some((f) => f.ruleId === 'DA5001' || f.ruleId === 'DA5007');
  return {
    path,
    framework: fw,
    entries: entries.length,
    compressedBytes: size,
    uncompressedBytes,
    complete,
    serverless: valid ? serverlessFit(uncompressedBytes) : null,
    findings: all,
  };
}
