// Traffic shape (issue 19): `--active-hours`, e.g. `weekdays 09-18 Europe/Berlin`. Parses the
// value, gives the active share of the week, and the Application Auto Scaling scheduled actions
// (PutScheduledAction; AWS::ApplicationAutoScaling::ScalableTarget ScheduledActions) that bring the
// fleet to its minimum outside those hours, as data. Pure: the emitters serialise the actions.
//
// Grammar: DAYS HOURS TIMEZONE
//   DAYS     daily | weekdays | weekends | a list of days and day ranges: mon-fri, mon,wed,fri, fri-mon
//   HOURS    START-END in local time: 9-17, 09-18, 08:30-17:15; END may be 24; no overnight ranges
//   TIMEZONE an IANA time zone (Europe/Berlin, America/New_York) or UTC

import type { ScheduledAction } from '../plan/types';
import type { ActiveHours } from '../workload';

/** A value that is not a valid --active-hours; the message is one line saying what to give. */
export class ActiveHoursError extends Error {
  override name = 'ActiveHoursError';
}

export const ACTIVE_HOURS_HELP = 'days, hours and time zone, e.g. "weekdays 09-18 Europe/Berlin", "daily 08-20 UTC", "mon-fri 9-17 America/New_York"';

/** Days of the week as cron names them; index 0 is Sunday. */
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const FULL_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MINUTES_PER_WEEK = 7 * 24 * 60;

function dayIndex(word: string): number {
  const w = word.toLowerCase();
  const i = FULL_NAMES.findIndex((n) => n === w || n.slice(0, 3) === w);
  if (i < 0) throw new ActiveHoursError(`unknown day "${word}"; use daily, weekdays, weekends, or days such as mon-fri or mon,wed,fri`);
  return i;
}

function parseDays(s: string): number[] {
  const w = s.toLowerCase();
  if (w === 'daily' || w === 'everyday') return [0, 1, 2, 3, 4, 5, 6];
  if (w === 'weekdays') return [1, 2, 3, 4, 5];
  if (w === 'weekends') return [0, 6];
  const days = new Set<number>();
  for (const part of w.split(',')) {
    const [a, b, extra] = part.split('-');
    if (extra !== undefined || !a) throw new ActiveHoursError(`"${s}" is not a list of days; use e.g. mon-fri or mon,wed,fri`);
    const from = dayIndex(a);
    const to = b === undefined ? from : dayIndex(b);
    // A range may wrap over the weekend: fri-mon is Friday to Monday.
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

function parseClock(s: string, what: 'start' | 'end', whole: string): number {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(s);
  const h = m ? Number(m[1]) : NaN;
  const min = m?.[2] ? Number(m[2]) : 0;
  if (!m || min > 59 || h > 24 || (h === 24 && min > 0) || (what === 'start' && h === 24)) {
    throw new ActiveHoursError(`"${whole}" is not a range of hours; use START-END in 24-hour local time, e.g. 09-18 or 08:30-17:00`);
  }
  return h * 60 + min;
}

/** A canonical IANA time-zone name, or an error naming the one given. */
function parseTimeZone(s: string): string {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone;
  } catch {
    throw new ActiveHoursError(`unknown time zone "${s}"; use an IANA name such as Europe/Berlin, America/New_York or UTC`);
  }
  return resolved === 'UTC' ? 'Etc/UTC' : resolved;
}

/** Parses an --active-hours value; throws ActiveHoursError with one line. */
export function parseActiveHours(value: string): ActiveHours {
  const parts = value.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 3) {
    throw new ActiveHoursError(`"${value.trim()}" needs days, hours and a time zone, e.g. "weekdays 09-18 Europe/Berlin"`);
  }
  const [dayText, hourText, zoneText] = parts as [string, string, string];
  const days = parseDays(dayText);
  const range = hourText.split('-');
  if (range.length !== 2) throw new ActiveHoursError(`"${hourText}" is not a range of hours; use START-END in 24-hour local time, e.g. 09-18 or 08:30-17:00`);
  const startMinute = parseClock(range[0]!, 'start', hourText);
  const endMinute = parseClock(range[1]!, 'end', hourText);
  if (endMinute <= startMinute) {
    throw new ActiveHoursError(`hours "${hourText}" end before they start; overnight hours are not supported: give START-END within one day, e.g. 09-18`);
  }
  return { days, startMinute, endMinute, timeZone: parseTimeZone(zoneText) };
}

/** Share of the week that is active: days x (end - start) / (7 x 24 h). Local hours, so DST does not change it. */
export function activeFraction(a: ActiveHours): number {
  return (a.days.length * (a.endMinute - a.startMinute)) / MINUTES_PER_WEEK;
}

/**
 * Request rate during active hours when all of a volume arrives in them: the average over the
 * week divided by the active share (the peak factor then applies to this rate).
 */
export function activeRate(averagePerSecond: number, a: ActiveHours): number {
  return averagePerSecond / activeFraction(a);
}

/** Days as a cron day-of-week field: runs of consecutive days as ranges, MON-FRI or SUN,FRI-SAT. */
export function cronDays(days: readonly number[]): string {
  if (days.length === 7) return '*';
  const sorted = [...new Set(days)].sort((x, y) => x - y);
  const runs: Array<[number, number]> = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? DAY_NAMES[a] : `${DAY_NAMES[a]}-${DAY_NAMES[b]}`)).join(',');
}

/** An Application Auto Scaling cron expression at a local minute of the day on some days. */
function cron(minuteOfDay: number, days: readonly number[]): string {
  return `cron(${minuteOfDay % 60} ${Math.floor(minuteOfDay / 60)} ? * ${cronDays(days)} *)`;
}

export interface Capacity {
  min: number;
  max: number;
}

/**
 * Two scheduled actions: at the start of the active hours the fleet gets its in-hours capacity;
 * at the end, its out-of-hours capacity (the minimum). An end at 24:00 is midnight of the next day.
 */
export function scheduledActions(a: ActiveHours, capacity: { inHours: Capacity; outOfHours: Capacity }, namePrefix = 'active-hours'): ScheduledAction[] {
  for (const c of [capacity.inHours, capacity.outOfHours]) {
    if (!Number.isInteger(c.min) || !Number.isInteger(c.max) || c.min < 0 || c.max < c.min) throw new RangeError(`capacity must be whole numbers with 0 <= min <= max (got ${c.min}..${c.max})`);
  }
  const endsAtMidnight = a.endMinute === 24 * 60;
  const endDays = endsAtMidnight ? a.days.map((d) => (d + 1) % 7) : a.days;
  return [
    {
      ScheduledActionName: `${namePrefix}-start`,
      Schedule: cron(a.startMinute, a.days),
      Timezone: a.timeZone,
      ScalableTargetAction: { MinCapacity: capacity.inHours.min, MaxCapacity: capacity.inHours.max },
    },
    {
      ScheduledActionName: `${namePrefix}-end`,
      Schedule: cron(endsAtMidnight ? 0 : a.endMinute, endDays),
      Timezone: a.timeZone,
      ScalableTargetAction: { MinCapacity: capacity.outOfHours.min, MaxCapacity: capacity.outOfHours.max },
    },
  ];
}

/** The value as one canonical line, e.g. "MON-FRI 09:00-18:00 Europe/Berlin". */
export function formatActiveHours(a: ActiveHours): string {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${cronDays(a.days) === '*' ? 'daily' : cronDays(a.days)} ${clock(a.startMinute)}-${clock(a.endMinute)} ${a.timeZone}`;
}
