// Request rates as users write them ("30000/month", "5M/day", "20/s"), and back again. Pure.
//
// A rate is a count per period. The count may carry a decimal suffix: k (thousand), M (million)
// or B (billion); "m" and "b" are refused because they read as milli- or bits. Periods: s, min,
// h, day, month (a month is policy.month, 730 hours).

import { limit } from './facts/limits';
import { UnitError } from './units';

export const RATE_HELP = 'a count per period: N/s, N/min, N/h, N/day or N/month, with an optional k, M or B (thousand, million, billion), e.g. 20/s, 120/min, 500/h, 5M/day, 30000/month';

export type RatePeriod = 's' | 'min' | 'h' | 'day' | 'month';

export interface Rate {
  /** Average (or peak) requests per second. */
  perSecond: number;
  /** The count as written, after its suffix: 5M/day gives 5,000,000. */
  count: number;
  /** The period as written. */
  period: RatePeriod;
  /** Length of that period in seconds. */
  periodSeconds: number;
}

const PERIODS: Record<string, RatePeriod> = {
  s: 's',
  sec: 's',
  second: 's',
  min: 'min',
  minute: 'min',
  h: 'h',
  hr: 'h',
  hour: 'h',
  d: 'day',
  day: 'day',
  mo: 'month',
  month: 'month',
};

export function periodSeconds(period: RatePeriod): number {
  switch (period) {
    case 's':
      return 1;
    case 'min':
      return 60;
    case 'h':
      return 60 * 60;
    case 'day':
      return 24 * 60 * 60;
    case 'month':
      return limit('policy.month');
  }
}

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const RATE_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]?)\s*\/\s*([a-zA-Z]+)$/;

/** Parses "30000/month", "5M/day", "1.5k/h", "20/s" into a rate. */
export function parseRate(text: string): Rate {
  const s = String(text).trim();
  const m = RATE_RE.exec(s);
  if (!m) {
    if (/^[\d.]+\s*[a-zA-Z]?$/.test(s)) throw new UnitError(`"${s}" has no period; use ${RATE_HELP}`);
    if (/^-/.test(s)) throw new UnitError(`"${s}" must be more than zero; use ${RATE_HELP}`);
    throw new UnitError(`"${s}" is not a rate; use ${RATE_HELP}`);
  }
  const [, num, suffix = '', unit] = m;
  const factor = SUFFIX[suffix];
  if (factor === undefined) {
    const hint = suffix === 'm' ? ' (write M for million)' : suffix === 'b' ? ' (write B for billion)' : '';
    throw new UnitError(`"${s}" has an unknown suffix "${suffix}"${hint}; use ${RATE_HELP}`);
  }
  const period = PERIODS[unit!.toLowerCase()];
  if (period === undefined) {
    const hint = unit!.toLowerCase() === 'm' ? ' ("m" could be minute or month: write min or month)' : '';
    throw new UnitError(`"${s}" has an unknown period "${unit}"${hint}; use ${RATE_HELP}`);
  }
  const count = Number(num) * factor;
  if (!(count > 0)) throw new UnitError(`"${s}" must be more than zero; use ${RATE_HELP}`);
  if (!Number.isFinite(count) || count > Number.MAX_SAFE_INTEGER) throw new UnitError(`"${s}" is too large; a count per period is at most ${Number.MAX_SAFE_INTEGER}`);
  const seconds = periodSeconds(period);
  return { perSecond: count / seconds, count, period, periodSeconds: seconds };
}

/** A rate given in requests per second. */
export function rateFromPerSecond(perSecond: number, period: RatePeriod = 's'): Rate {
  const seconds = periodSeconds(period);
  return { perSecond, count: perSecond * seconds, period, periodSeconds: seconds };
}

/** Requests in one month (policy.month) at this rate. */
export function perMonth(rate: Rate): number {
  return rate.perSecond * limit('policy.month');
}

/** A count for people: 30000 -> "30k", 5000000 -> "5M", 1234 -> "1.23k". */
export function formatCount(n: number): string {
  const units: Array<[string, number]> = [
    ['B', 1e9],
    ['M', 1e6],
    ['k', 1e3],
  ];
  for (const [u, f] of units) if (n >= f) return `${round3(n / f)}${u}`;
  return String(round3(n));
}

function round3(n: number): number {
  return Number(n.toPrecision(3));
}

/** A rate for people, in the period that reads best: "20/s", "5M/day", "30k/month". */
export function formatRate(perSecond: number): string {
  const order: RatePeriod[] = ['s', 'min', 'h', 'day', 'month'];
  for (const p of order) {
    const count = perSecond * periodSeconds(p);
    if (count >= 1) return `${formatCount(count)}/${p}`;
  }
  return `${formatCount(perSecond * periodSeconds('month'))}/month`;
}
