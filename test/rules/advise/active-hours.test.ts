// --active-hours (issue 19): parsing, the active share of the week, and the scheduled actions.
import { describe, expect, it } from 'vitest';
import { ActiveHoursError, activeFraction, activeRate, cronDays, formatActiveHours, parseActiveHours, scheduledActions } from '../../../src/rules/advise/active-hours';
import { answerProblems } from '../../../src/cli/inputs';
import { cli, expectOneLineError } from '../../cli/helpers';

describe('parseActiveHours', () => {
  it.each([
    ['weekdays 09-18 Europe/Berlin', [1, 2, 3, 4, 5], 540, 1080, 'Europe/Berlin'],
    ['daily 08-20 UTC', [0, 1, 2, 3, 4, 5, 6], 480, 1200, 'Etc/UTC'],
    ['mon-fri 9-17 America/New_York', [1, 2, 3, 4, 5], 540, 1020, 'America/New_York'],
    ['Mon,Wed,Fri 08:30-17:15 asia/tokyo', [1, 3, 5], 510, 1035, 'Asia/Tokyo'],
    ['fri-mon 0-24 UTC', [0, 1, 5, 6], 0, 1440, 'Etc/UTC'],
    ['weekends 10-16 Europe/London', [0, 6], 600, 960, 'Europe/London'],
  ])('%s', (text, days, start, end, zone) => {
    expect(parseActiveHours(text)).toEqual({ days, startMinute: start, endMinute: end, timeZone: zone });
  });

  it.each([
    ['weekdays 09-18', /needs days, hours and a time zone, e.g. "weekdays 09-18 Europe\/Berlin"/],
    ['weekdays 09-18 Europe/Berln', /unknown time zone "Europe\/Berln"; use an IANA name such as Europe\/Berlin/],
    ['workdays 09-18 UTC', /unknown day "workdays"; use daily, weekdays, weekends, or days such as mon-fri/],
    ['weekdays 18-09 UTC', /hours "18-09" end before they start; overnight hours are not supported/],
    ['weekdays 9am-5pm UTC', /"9am-5pm" is not a range of hours; use START-END in 24-hour local time/],
    ['weekdays 09-25 UTC', /"09-25" is not a range of hours/],
    ['weekdays 09:75-18 UTC', /"09:75-18" is not a range of hours/],
    ['mon-tue-wed 09-18 UTC', /"mon-tue-wed" is not a list of days/],
  ])('%s is refused with one line', (text, message) => {
    expect(() => parseActiveHours(text)).toThrow(ActiveHoursError);
    expect(() => parseActiveHours(text)).toThrow(message);
  });

  it('prints back canonically', () => {
    expect(formatActiveHours(parseActiveHours('weekdays 9-18 Europe/Berlin'))).toBe('MON-FRI 09:00-18:00 Europe/Berlin');
    expect(formatActiveHours(parseActiveHours('daily 08-20 UTC'))).toBe('daily 08:00-20:00 Etc/UTC');
  });
});

describe('active share of the week and the rate in those hours', () => {
  it('weekdays 09-18: 5 x 9 h / 168 h = 45/168 = 26.79%', () => {
    const a = parseActiveHours('weekdays 09-18 Europe/Berlin');
    expect(activeFraction(a)).toBeCloseTo(45 / 168, 12);
    // 1M/day on average over the week is 11.574/s; all of it in 26.79% of the hours: 11.574 x 168/45 = 43.21/s.
    expect(activeRate(1e6 / 86_400, a)).toBeCloseTo(43.21, 2);
  });

  it('daily 08-20: 12/24 = 50%; 08:30-17:15 on three days: 3 x 8.75 h / 168 h = 15.63%', () => {
    expect(activeFraction(parseActiveHours('daily 08-20 UTC'))).toBe(0.5);
    expect(activeFraction(parseActiveHours('mon,wed,fri 08:30-17:15 UTC'))).toBeCloseTo(26.25 / 168, 12);
  });
});

describe('scheduled actions (Application Auto Scaling PutScheduledAction, as data)', () => {
  it('weekdays 09-18 Europe/Berlin: out at 09:00 MON-FRI, back to the minimum at 18:00', () => {
    const a = parseActiveHours('weekdays 09-18 Europe/Berlin');
    expect(scheduledActions(a, { inHours: { min: 2, max: 6 }, outOfHours: { min: 1, max: 1 } })).toEqual([
      { ScheduledActionName: 'active-hours-start', Schedule: 'cron(0 9 ? * MON-FRI *)', Timezone: 'Europe/Berlin', ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 6 } },
      { ScheduledActionName: 'active-hours-end', Schedule: 'cron(0 18 ? * MON-FRI *)', Timezone: 'Europe/Berlin', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 1 } },
    ]);
  });

  it('minutes, every day, and an end at 24:00 (midnight of the next day)', () => {
    const daily = scheduledActions(parseActiveHours('daily 08:30-17:15 UTC'), { inHours: { min: 1, max: 4 }, outOfHours: { min: 0, max: 4 } }, 'churn');
    expect(daily.map((x) => [x.ScheduledActionName, x.Schedule])).toEqual([
      ['churn-start', 'cron(30 8 ? * * *)'],
      ['churn-end', 'cron(15 17 ? * * *)'],
    ]);
    const late = scheduledActions(parseActiveHours('mon-fri 18-24 UTC'), { inHours: { min: 1, max: 4 }, outOfHours: { min: 0, max: 4 } });
    expect(late.map((x) => x.Schedule)).toEqual(['cron(0 18 ? * MON-FRI *)', 'cron(0 0 ? * TUE-SAT *)']);
    expect(cronDays([0, 5, 6])).toBe('SUN,FRI-SAT');
    expect(() => scheduledActions(parseActiveHours('daily 08-20 UTC'), { inHours: { min: 3, max: 2 }, outOfHours: { min: 0, max: 1 } })).toThrow(RangeError);
  });
});

describe('the inputs: --active-hours, --hot-models, --concurrency-per-copy', () => {
  const base = ['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '2s', '--traffic', 'sustained'];

  it('a bad value exits 2 with one line naming the flag', () => {
    for (const [args, message] of [
      [['--active-hours', 'weekdays 09-18 Mars/Olympus'], /--active-hours: unknown time zone "Mars\/Olympus"/],
      [['--concurrency-per-copy', '0'], /--concurrency-per-copy: must be a whole number of at least 1/],
      [['--concurrency-per-copy', '100000'], /--concurrency-per-copy: 100000 requests at once on one copy is more than 4096/],
      [['--models', '3', '--hot-models', '4'], /--hot-models: 4 hot models cannot be more than the models behind the endpoint \(--models 3\)/],
    ] as const) {
      const r = cli([...base, ...args]);
      expect(r.code, r.stderr).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toMatch(message);
    }
  });

  it('answers-file keys parse to data', () => {
    expect(answerProblems({ activeHours: 'weekdays 09-18 Europe/Berlin', hotModels: 2, models: 5, concurrencyPerCopy: 32 })).toEqual([]);
    expect(answerProblems({ activeHours: 9 })).toEqual([{ key: 'activeHours', message: expect.stringMatching(/^give days, hours and time zone/) }]);
  });
});
