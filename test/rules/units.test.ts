import { describe, expect, it } from 'vitest';
import { byCodeUnits, formatBytes, formatDuration, groupThousands, parseDuration, parseSize } from '../../src/rules/units';

describe('parseSize', () => {
  it.each([
    ['750KB', 750_000],
    ['2MB', 2_000_000],
    ['1.5GB', 1_500_000_000],
    ['3MiB', 3 * 1024 * 1024],
    ['1 GiB', 1024 ** 3],
    ['2mb', 2_000_000],
    ['512B', 512],
    ['.5MB', 500_000],
    ['1.1KB', 1100],
    ['1.5KiB', 1536],
    ['0.3KB', 300],
  ])('%s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each([
    ['5XB', /unknown unit "XB"/],
    ['12', /has no unit/],
    ['MB', /is not a size/],
    ['-2MB', /is not a size/],
    ['0MB', /more than zero/],
    ['', /is not a size/],
    // Issue 11, item 8: a fraction of a byte is not rounded away ("1.5B" printed as "2 B").
    ['1.5B', /"1.5B" is 1.5 bytes, not a whole number of bytes/],
    ['0.1MiB', /not a whole number of bytes/],
  ])('rejects %j', (text, message) => expect(() => parseSize(text)).toThrow(message));
});

describe('parseDuration', () => {
  it.each([
    ['300ms', 0.3],
    ['45s', 45],
    ['10m', 600],
    ['10min', 600],
    ['2h', 7200],
    ['1m30s', 90],
    ['1.5s', 1.5],
    ['1h30m', 5400],
    ['1h30m15s500ms', 5415.5],
    ['2min 5sec', 125],
  ])('%s is %d s', (text, s) => expect(parseDuration(text)).toBe(s));

  it.each([
    ['45', /has no unit/],
    ['10 parsecs', /unknown unit "parsecs"/],
    ['soon', /is not a duration/],
    ['0s', /at least 1ms/],
    ['0.0001ms', /at least 1ms/],
    // Issue 11, item 8: repeated or out-of-order parts are typos, not sums.
    ['1h1h', /"1h1h" gives h twice; write each unit once, largest first/],
    ['30s1m', /"30s1m" gives m after s; write the largest unit first/],
    ['1m1min', /gives m twice/],
    ['500ms1s', /gives s after ms/],
  ])('rejects %j', (text, message) => expect(() => parseDuration(text)).toThrow(message));
});

describe('formatting', () => {
  it('prefers binary units for exact binary multiples', () => {
    expect(formatBytes(6 * 1024 * 1024)).toBe('6 MiB');
    expect(formatBytes(2_000_000)).toBe('2 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(10e9)).toBe('10 GB');
    expect(formatBytes(1536)).toBe('1.54 KB');
  });
  it('formats durations', () => {
    expect(formatDuration(0.3)).toBe('300 ms');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3600)).toBe('1 h');
  });
});

describe('groupThousands (en-US grouping without loading ICU)', () => {
  it.each([
    [0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1,000'],
    [1234567.5, undefined, '1,234,567.5'],
    [-1234567, undefined, '-1,234,567'],
    [2854.3, 2, '2,854.30'],
    [3042.424, 2, '3,042.42'],
    [0.005, 2, '0.01'],
    [1e21, undefined, '1e+21'],
  ])('%s (%s decimals) -> %s', (n, d, want) => {
    expect(groupThousands(n, d)).toBe(want);
  });

  it('agrees with toLocaleString("en-US") on whole numbers and 2-decimal amounts', () => {
    for (const n of [0, 7, 12, 123, 1234, 12345, 123456, 1234567, 98765432109]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
      expect(groupThousands(n / 100, 2)).toBe((n / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    }
  });
});

describe('byCodeUnits', () => {
  it('orders rule ids as localeCompare does for ASCII ids', () => {
    const ids = ['DA1010', 'DA0001', 'DA6001', 'DA1002', 'DA5007', 'DA1017'];
    expect([...ids].sort(byCodeUnits)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(byCodeUnits('a', 'a')).toBe(0);
  });
});
