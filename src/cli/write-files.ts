// Writes generated files into a folder: all of them or none, each whole, and never over an
// existing file without --force, nor over anything that is not a regular file (a folder, a FIFO,
// a device) even with it.
//
// Order: check every target; create the folder; write every temporary file; move each existing
// target aside; rename each temporary file into place; remove what was moved aside. A failure at
// any step undoes the steps before it, so the folder holds either all the new files or its old ones.

import { lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, oddKind } from './io';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOTDIR'
      ? 'a parent is not a folder'
      : code === 'ENOSPC'
        ? 'no space left'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'ENOENT'
            ? 'no such folder'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (e as Error).message;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`cannot check ${path}: ${reason(e)}`);
  }
}

/**
 * Creates a folder and its missing parents one at a time (mkdir -p). Node's recursive mkdir spins
 * forever under /proc; this stops at the first parent that cannot be made.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const st = lstatOrNull(d);
    if (st) {
      if (!statSync(d).isDirectory()) throw new UsageError(`cannot create folder ${dir}: ${d} is not a folder`);
      break;
    }
    missing.unshift(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) {
    try {
      mkdirSync(m);
    } catch (e) {
      // ENOENT with the parent present: a file system that takes no new folders (/proc, /sys).
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `${dirname(m)} does not allow new folders` : reason(e);
      throw new UsageError(`cannot create folder ${dir}: ${why}`);
    }
  }
}

export function writeFiles(dir: string, files: Array<{ name: string; content: string }>, force: boolean): string[] {
  const top = lstatOrNull(dir);
  if (top && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--output ${dir} is ${top.isFile() ? 'a file' : top.isSymbolicLink() ? 'a link to nothing' : oddKind(top)}, not a folder`);
  }
  const targets = files.map((f) => join(dir, f.name));

  // Every target first: nothing is written unless all of them can be.
  const existing: string[] = [];
  for (const t of targets) {
    const st = lstatOrNull(t);
    if (!st) continue;
    if (st.isDirectory() || !(st.isFile() || st.isSymbolicLink())) throw new UsageError(`${t} is ${st.isDirectory() ? 'a folder' : oddKind(st)}, not a regular file; nothing was written (move it away, or choose another --output)`);
    if (st.isSymbolicLink() && statSync(t, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${t} is a link to a folder, not a regular file; nothing was written (move it away, or choose another --output)`);
    existing.push(t);
  }
  if (!force && existing.length) throw new UsageError(`${existing.join(', ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written (use --force to overwrite)`);

  makeFolder(dir);

  const temps: string[] = [];
  const aside: Array<{ target: string; backup: string }> = [];
  const placed: string[] = [];
  const undo = () => {
    for (const t of placed) rmSync(t, { force: true });
    for (const a of aside) {
      try {
        renameSync(a.backup, a.target);
      } catch {
        // Left as .<name>.<pid>.old; the message below names the folder.
      }
    }
    for (const t of temps) rmSync(t, { force: true });
  };
  try {
    files.forEach((f) => {
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      writeFileSync(tmp, f.content, { flag: 'wx' });
      temps.push(tmp);
    });
    for (const t of existing) {
      const backup = join(dirname(t), `.${t.slice(dirname(t).length + 1)}.${process.pid}.old`);
      renameSync(t, backup);
      aside.push({ target: t, backup });
    }
    temps.forEach((tmp, i) => {
      renameSync(tmp, targets[i]!);
      placed.push(targets[i]!);
    });
  } catch (e) {
    undo();
    throw new UsageError(`cannot write into ${dir}: ${reason(e)}; nothing was written`);
  }
  for (const a of aside) rmSync(a.backup, { force: true });
  return targets;
}
