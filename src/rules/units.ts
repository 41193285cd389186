// Sizes and durations as users write them, and back again. Pure functions, no limits here.
//
// Sizes: KB, MB, GB, TB are decimal (1 KB = 1000 bytes); KiB, MiB, GiB, TiB are binary
// (1 KiB = 1024 bytes). Units are case-insensitive ("2mb" = "2MB"); B is bytes.
// Sizes are whole bytes: "1.5B" is an error, not 2 bytes.
// Durations: ms, s, m (or min), h; parts may be combined, largest unit first, each unit once
// ("1h30m", "1m30s"; not "1h1h" or "30s1m").

export class UnitError extends Error {
  override name = 'UnitError';
}

const KIB = 1024;
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: KIB,
  mib: KIB ** 2,
  gib: KIB ** 3,
  tib: KIB ** 4,
};

export const SIZE_HELP = 'a number with a unit: B, KB, MB, GB (1 KB = 1000 bytes) or KiB, MiB, GiB (1 KiB = 1024 bytes), e.g. 750KB, 2MB, 1.5GB, 3MiB';
export const DURATION_HELP = 'a number with a unit: ms, s, m, h, e.g. 300ms, 45s, 10m, 2h, 1m30s';

const SIZE_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)$/i;

/** Parses "750KB", "1.5GB", "3MiB" into a whole number of bytes. */
export function parseSize(text: string): number {
  const s = String(text).trim();
  const m = SIZE_RE.exec(s);
  if (!m) {
    if (/^\d+(\.\d+)?$/.test(s)) throw new UnitError(`"${s}" has no unit; use ${SIZE_HELP}`);
    throw new UnitError(`"${s}" is not a size; use ${SIZE_HELP}`);
  }
  const factor = SIZE_UNITS[m[2]!.toLowerCase()];
  if (factor === undefined) throw new UnitError(`"${s}" has an unknown unit "${m[2]}"; use ${SIZE_HELP}`);
  const exact = Number(m[1]) * factor;
  const bytes = Math.round(exact);
  if (!Number.isSafeInteger(bytes)) throw new UnitError(`"${s}" is too large; a size is at most ${Number.MAX_SAFE_INTEGER} bytes (about 9 PB)`);
  // A fraction of a byte is a typo or a misunderstanding, not something to round away silently
  // (float noise such as 1.1 x 1000 = 1100.0000000000002 is not a fraction).
  if (Math.abs(exact - bytes) > 1e-9 * Math.max(1, exact)) throw new UnitError(`"${s}" is ${trim(exact)} bytes, not a whole number of bytes; use ${SIZE_HELP}`);
  if (bytes <= 0) throw new UnitError(`"${s}" must be more than zero bytes`);
  return bytes;
}

const SECONDS: Record<string, number> = { ms: 1e-3, s: 1, sec: 1, m: 60, min: 60, h: 60 * 60, hr: 60 * 60 };
const UNIT_NAME: Record<string, string> = { ms: 'ms', s: 's', sec: 's', m: 'm', min: 'm', h: 'h', hr: 'h' };
const DURATION_PART = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)\s*/iy;

/** Parses "300ms", "45s", "10m", "2h", "1m30s" into seconds. */
export function parseDuration(text: string): number {
  const s = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(s)) throw new UnitError(`"${s}" has no unit; use ${DURATION_HELP}`);
  DURATION_PART.lastIndex = 0;
  let total = 0;
  let parts = 0;
  let previous = Infinity;
  let previousUnit = '';
  while (DURATION_PART.lastIndex < s.length) {
    const m = DURATION_PART.exec(s);
    if (!m) throw new UnitError(`"${s}" is not a duration; use ${DURATION_HELP}`);
    const unit = m[2]!.toLowerCase();
    const factor = SECONDS[unit];
    if (factor === undefined) throw new UnitError(`"${s}" has an unknown unit "${m[2]}"; use ${DURATION_HELP}`);
    // Parts go from the largest unit to the smallest, each unit once: "1h1h" and "30s1m" are typos.
    if (factor === previous) throw new UnitError(`"${s}" gives ${UNIT_NAME[unit]} twice; write each unit once, largest first, e.g. 1h30m or 1m30s`);
    if (factor > previous) throw new UnitError(`"${s}" gives ${UNIT_NAME[unit]} after ${previousUnit}; write the largest unit first, e.g. 1h30m or 1m30s`);
    previous = factor;
    previousUnit = UNIT_NAME[unit]!;
    total += Number(m[1]) * factor;
    parts++;
  }
  if (parts === 0) throw new UnitError(`"${s}" is not a duration; use ${DURATION_HELP}`);
  if (!Number.isFinite(total)) throw new UnitError(`"${s}" is too long; give a duration such as 45s, 10m or 2h`);
  // Keep millisecond precision and avoid float noise such as 0.30000000000000004.
  const seconds = Math.round(total * 1000) / 1000;
  if (!(seconds > 0)) throw new UnitError(`"${s}" must be at least 1ms`);
  return seconds;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** Bytes for people: binary units when the number is an exact binary multiple, else decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const binary: Array<[string, number]> = [
    ['TiB', KIB ** 4],
    ['GiB', KIB ** 3],
    ['MiB', KIB ** 2],
    ['KiB', KIB],
  ];
  // Binary only when the number is a whole count of the largest binary unit that fits.
  const largest = binary.find(([, f]) => bytes >= f);
  if (largest && bytes % largest[1] === 0) return `${bytes / largest[1]} ${largest[0]}`;
  const decimal: Array<[string, number]> = [
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ];
  for (const [unit, f] of decimal) if (bytes >= f) return `${trim(bytes / f)} ${unit}`;
  return `${bytes} B`;
}

/**
 * Sizes that are compared with each other, in one unit: binary when any of them is a binary size
 * (a whole number of MiB), else decimal, at the scale of the largest, so "needs about 8.94 GiB;
 * has 16 GiB" never reads GB against GiB. A size under a hundredth of that scale keeps a scale
 * of its own in the same family ("3 B ... within its 5 GiB disk", not "0 GiB"). Up to two
 * decimals: a need just above a limit does not round down to it.
 */
export function formatBytesAlike(...values: number[]): string[] {
  // Binary when any of them is a whole number of MiB (a limit of 6 GiB, a GPU's 22.5 GiB), else decimal.
  const binary = values.some((v) => v >= KIB ** 2 && v % KIB ** 2 === 0);
  const units: Array<[string, number]> = binary
    ? [
        ['TiB', KIB ** 4],
        ['GiB', KIB ** 3],
        ['MiB', KIB ** 2],
        ['KiB', KIB],
        ['B', 1],
      ]
    : [
        ['TB', 1e12],
        ['GB', 1e9],
        ['MB', 1e6],
        ['KB', 1e3],
        ['B', 1],
      ];
  const scale = (v: number) => units.find(([, f]) => v >= f) ?? ['B', 1];
  const shared = scale(Math.max(...values));
  return values.map((v) => {
    const [unit, factor] = v >= shared[1] / 100 ? shared : scale(v);
    return `${trim(v / factor)} ${unit}`;
  });
}

/** Bytes in binary units always, for a report whose limits are binary: "3 B", "4.88 KiB", "1.5 GiB". */
export function formatBinaryBytes(bytes: number): string {
  const [unit, factor] = (
    [
      ['TiB', KIB ** 4],
      ['GiB', KIB ** 3],
      ['MiB', KIB ** 2],
      ['KiB', KIB],
    ] as Array<[string, number]>
  ).find(([, f]) => bytes >= f) ?? ['B', 1];
  return `${trim(bytes / factor)} ${unit}`;
}

/** Seconds for people: "300 ms", "45 s", "10 min", "1 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${trim(seconds * 1000)} ms`;
  if (seconds < 60) return `${trim(seconds)} s`;
  if (seconds < 60 * 60) return `${trim(seconds / 60)} min`;
  return `${trim(seconds / (60 * 60))} h`;
}

/**
 * A number with thousands separators, as en-US writes it: 1234567.5 -> "1,234,567.5"; `decimals`
 * fixes the digits after the point. Not toLocaleString: its first call loads ICU's number
 * formatting, about 15 ms of a start-up that is 20 ms in all (BENCHMARKS.md).
 */
export function groupThousands(n: number, decimals?: number): string {
  const text = decimals === undefined ? String(n) : n.toFixed(decimals);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // exponents, NaN, Infinity: as JavaScript writes them
  const [whole, fraction] = text.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Compares ids by UTF-16 code units (a stable order for ASCII ids) without ICU's collator, which costs milliseconds to load. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An amount of money for people, the one format of every total, difference and breakdown line:
 * "$3,042.42". (Unit prices such as "$0.115/h" keep their own precision in the cost model.)
 */
export function formatUsd(n: number): string {
  return `$${groupThousands(n, 2)}`;
}
