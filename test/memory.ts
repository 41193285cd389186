// Peak memory of a CLI run, against bare Node on the same version: what Node itself takes differs
// between versions (Node 24's bare start is larger than 20's), so bounds are stated above it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the peak resident set size to stderr as "MAXRSS <KiB>" when the process exits. */
export const RSS_PROBE = join(mkdtempSync(join(tmpdir(), 'da-rss-')), 'rss.cjs');
writeFileSync(RSS_PROBE, "process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'))");

/** The peak (MiB) in a process's stderr, as the probe wrote it. */
export function peakMiB(stderr: string): number {
  const m = /MAXRSS (\d+)/.exec(stderr);
  if (!m) throw new Error(`no MAXRSS line in stderr:\n${stderr}`);
  return Number(m[1]) / 1024;
}

let bare: number | null = null;
/** Peak MiB of bare Node (an empty script) on this version: the floor every bound sits on. */
export function bareNodeMiB(): number {
  if (bare === null) {
    const r = spawnSync(process.execPath, ['--require', RSS_PROBE, '-e', ''], { encoding: 'utf8' });
    bare = peakMiB(r.stderr);
  }
  return bare;
}

/** How much the CLI may take above bare Node, whatever the input. */
export const HEADROOM_MIB = 60;
