import { describe, expect, it } from 'vitest';
import { formatRate, parseRate, perMonth } from '../../src/rules/rate';

const MONTH = 730 * 60 * 60;

describe('parseRate', () => {
  it.each([
    ['30000/month', 30000 / MONTH, 30000, 'month'],
    ['5M/day', 5e6 / 86400, 5e6, 'day'],
    ['20/s', 20, 20, 's'],
    ['300/h', 300 / 3600, 300, 'h'],
    ['120/min', 2, 120, 'min'],
    ['1.5k/h', 1500 / 3600, 1500, 'h'],
    ['2B/month', 2e9 / MONTH, 2e9, 'month'],
    [' 5 M / day ', 5e6 / 86400, 5e6, 'day'],
    ['.5k/minute', 500 / 60, 500, 'min'],
    ['10K/hour', 10000 / 3600, 10000, 'h'],
  ])('%j is %f per second', (text, perSecond, count, period) => {
    const r = parseRate(text);
    expect(r.perSecond).toBeCloseTo(perSecond, 9);
    expect(r.count).toBe(count);
    expect(r.period).toBe(period);
  });

  it('a month is 730 hours', () => expect(perMonth(parseRate('1/h'))).toBeCloseTo(730, 9));

  it.each([
    ['5m/day', /unknown suffix "m" \(write M for million\)/],
    ['5b/day', /write B for billion/],
    ['20', /has no period/],
    ['5M', /has no period/],
    ['20/m', /"m" could be minute or month/],
    ['5/week', /unknown period "week"/],
    ['0/s', /more than zero/],
    ['-5/s', /more than zero/],
    ['abc', /is not a rate/],
    ['', /is not a rate/],
    ['30,000/month', /is not a rate/],
    ['99999999999B/s', /too large/],
  ])('rejects %j', (text, message) => {
    expect(() => parseRate(text)).toThrow(message);
    // Every error names the accepted forms.
    if (!/too large/.test(String(message))) expect(() => parseRate(text)).toThrow(/N\/s, N\/min, N\/h, N\/day or N\/month/);
  });
});

describe('formatRate', () => {
  it.each([
    [20, '20/s'],
    [0.5, '30/min'],
    [5e6 / 86400, '57.9/s'],
    [30000 / MONTH, '41.1/h'],
    [1 / MONTH, '1/month'],
    [1000, '1k/s'],
  ])('%f per second reads %j', (n, text) => expect(formatRate(n)).toBe(text));
});
