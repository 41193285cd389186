// Writes generated files into a folder: all of them or none, each whole (temporary file, then
// rename), and never over an existing file without --force.

import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './io';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a parent is not a folder' : code === 'ENOSPC' ? 'no space left' : (e as Error).message;
}

export function writeFiles(dir: string, files: Array<{ name: string; content: string }>, force: boolean): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--output ${dir} is a file, not a folder`);
  const targets = files.map((f) => join(dir, f.name));
  if (!force) {
    const existing = targets.filter((t) => existsSync(t));
    if (existing.length) throw new UsageError(`${existing.join(', ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written (use --force to overwrite)`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create folder ${dir}: ${reason(e)}`);
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      writeFileSync(tmp, f.content, { flag: 'wx' });
      temps.push(tmp);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new UsageError(`cannot write into ${dir}: ${reason(e)}; nothing was written`);
  }
  temps.forEach((tmp, i) => renameSync(tmp, targets[i]!));
  return targets;
}
