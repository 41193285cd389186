// `deploy-advisor limits`: prints the limits table.

import { LIMITS, type LimitEntry } from '../rules/facts/limits';
import { formatBytes, formatDuration } from '../rules/units';
import { EXIT, type Io } from './io';

export function displayValue(e: LimitEntry): string {
  if (e.kind === 'unsupported') return 'not supported';
  const v = e.value as number;
  const shown =
    e.unit === 'bytes'
      ? formatBytes(v)
      : e.unit === 'seconds'
        ? formatDuration(v)
        : e.unit === 'MB'
          ? `${v} MB`
          : e.unit === 'factor'
            ? `x${v}`
            : e.unit === 'share'
              ? `${+(v * 100).toPrecision(6)}%`
              : e.unit === 'bytes-per-second'
                ? `${formatBytes(v)}/s`
                : String(v);
  return `${e.kind} ${shown}`;
}

function text(): string {
  const idW = Math.max(...LIMITS.map((e) => e.id.length));
  const valW = Math.max(...LIMITS.map((e) => displayValue(e).length));
  const lines = LIMITS.map((e) => `${e.id.padEnd(idW)}  ${displayValue(e).padEnd(valW)}  ${e.limits}`);
  return lines.join('\n') + `\n\n${LIMITS.length} limits, checked ${LIMITS[0]!.checked}. Sources and notes: deploy-advisor limits --format markdown\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function markdown(): string {
  const rows = LIMITS.map(
    (e) =>
      `| \`${e.id}\` | ${e.option} | ${cell(e.limits)} | ${cell(displayValue(e))} | ${e.kind === 'unsupported' ? '' : e.value} | ${e.unit} | ${e.source.startsWith('http') ? `[source](${e.source})` : e.source} | ${e.checked} | ${cell(e.note ?? '')} |`,
  );
  return ['| id | option | limits | value | raw | unit | source | checked | note |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function runLimits(format: 'text' | 'json' | 'markdown', io: Io): number {
  if (format === 'json') io.stdout.write(JSON.stringify({ schemaVersion: 1, limits: LIMITS }, null, 2) + '\n');
  else io.stdout.write(format === 'markdown' ? markdown() : text());
  return EXIT.ok;
}
