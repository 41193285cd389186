// `deploy-advisor check-artifact`: a model.tar.gz in, findings out, as `lint` reports them.

import { FRAMEWORKS, type Framework } from '../rules/artifact/checks';
import { formatBinaryBytes as size } from '../rules/units';
import { plural } from '../rules/text';
import { scanArtifact } from './artifact';
import { EXIT, UsageError, colorWanted, type Io } from './io';
import type { ReportFile } from '../rules/lint/run';
import { sourceUrl } from './links';

export interface ArtifactFlags {
  framework: string;
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: string;
  color?: boolean;
}

export async function runCheckArtifact(paths: string[], flags: ArtifactFlags, io: Io): Promise<number> {
  if (!paths.length) throw new UsageError('give the model.tar.gz to check (see deploy-advisor check-artifact --help)');
  const fw = flags.framework as Framework | 'auto';
  if (fw !== 'auto' && !(FRAMEWORKS as readonly string[]).includes(fw)) throw new UsageError(`--framework: unknown framework "${fw}"; use auto, ${FRAMEWORKS.join(', ')}`);
  let maxWarnings = Infinity;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`--max-warnings: "${flags.maxWarnings}" is not a whole number of 0 or more`);
    maxWarnings = Number(flags.maxWarnings);
  }
  const reports = [];
  for (const p of paths) reports.push(await scanArtifact(p, fw));
  const files: Array<ReportFile & { artifact: object }> = reports.map((r) => ({
    path: r.path,
    kinds: ['model-artifact'],
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      source: sourceUrl(f.source),
      ...(f.entry ? { entry: f.entry } : {}),
    })),
    artifact: { framework: r.framework, entries: r.entries, compressedBytes: r.compressedBytes, uncompressedBytes: r.uncompressedBytes, complete: r.complete, serverless: r.serverless },
  }));
  const errors = files.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'error').length, 0);
  const warnings = files.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'warning').length, 0);

  if (flags.format === 'json') {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, files, summary: { files: files.length, linted: files.length, errors, warnings } }, null, 2) + '\n');
  } else if (flags.format === 'sarif') {
    const { toSarif } = await import('./report-sarif');
    io.stdout.write(JSON.stringify(toSarif(files), null, 2) + '\n');
  } else {
    const [{ renderLintText }, { makeStyle }] = await Promise.all([import('./report-text'), import('./style')]);
    const s = await makeStyle(colorWanted(io, flags.color, io.stdout));
    for (const r of reports) {
      io.stdout.write(
        r.serverless === null
          ? `${r.path}: not a valid model archive (${r.complete ? '' : 'stopped after '}${plural(r.entries, 'entry', 'entries')}, ${size(r.compressedBytes)} compressed)\n`
          : `${r.path}: ${plural(r.entries, 'entry', 'entries')}, ${size(r.uncompressedBytes)} uncompressed (${size(r.compressedBytes)} compressed), ${r.framework ? `${r.framework} layout` : 'framework not recognised'}; ${r.serverless}\n`,
      );
    }
    if (errors + warnings > 0) io.stdout.write('\n' + renderLintText(files, { errors, warnings }, s));
  }
  return errors > 0 || warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}
