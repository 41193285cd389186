// Hostile and careless input to recommend: numbers JSON cannot write (NaN, infinity), workloads too
// large to size, answers files that are not files, and output that cannot be written. Each case
// asserts what the user sees: the exit code and the one line on stderr.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limit } from '../../src/rules/facts/limits';
import { cli, expectOneLineError } from './helpers';

const scratch = (p: string) => mkdtempSync(join(tmpdir(), `da-${p}-`));
const WORKLOAD = ['--no-batch', '--traffic', 'sustained', '--latency', 'none', '--payload', '1MB', '--processing-time', '1s'];

describe('numbers JSON cannot write are named, never "null"', () => {
  const dir = scratch('nonfinite');
  const cases: Array<[string, string, RegExp]> = [
    ['requests', '.nan', /requests: give a count per period.*\(got NaN, not a number\)$/],
    ['payload', '.inf', /payload: give a size with a unit, e\.g\. 2MB \(got infinity \(\.inf, or a number too large to hold\)\)$/],
    ['processingTime', '-.inf', /processingTime: give a duration with a unit, e\.g\. 45s \(got -infinity/],
    ['models', '.NaN', /models: must be a whole number of at least 1 \(got NaN, not a number\)$/],
    ['concurrencyPerCopy', '1e400', /concurrencyPerCopy: must be a whole number of at least 1 \(got infinity/],
    ['latency', '.inf', /latency: give a duration with a unit, e\.g\. 45s \(got infinity .*; or none when callers can wait/],
  ];
  for (const [key, value, want] of cases)
    it(`${key}: ${value} in a YAML answers file`, () => {
      const file = join(dir, `${key}.yaml`);
      writeFileSync(file, `batch: false\ntraffic: sustained\n${key}: ${value}\n`);
      const r = cli(['recommend', '--answers', file, '--no-interactive']);
      expect(r.code).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toMatch(new RegExp(`${key}\\.yaml:3:\\d+: `));
      expect(r.stderr).not.toMatch(/null/);
      expect(r.stderr.trimEnd()).toMatch(want);
      // lint says the same of the same file (DA4001).
      const l = JSON.parse(cli(['lint', '--format', 'json', file]).stdout);
      expect(l.files[0].findings[0].message).not.toMatch(/null/);
    });

  it('1e400 in a JSON answers file', () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"batch": false, "models": 1e400}\n');
    const r = cli(['recommend', '--answers', file, '--no-interactive']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/models: must be a whole number of at least 1 \(got infinity \(\.inf, or a number too large to hold\)\)/);
  });

  it('flags: NaN, Infinity and 1e400 are not numbers with units; too large says the range', () => {
    for (const [flag, value, want] of [
      ['--requests', 'NaN', /--requests: "NaN" is not a rate/],
      ['--requests', 'Infinity', /--requests: "Infinity" is not a rate/],
      ['--payload', 'InfinityMB', /--payload: "InfinityMB" is not a size/],
      ['--processing-time', 'NaNms', /--processing-time: "NaNms" is not a duration/],
      ['--models', 'Infinity', /--models: must be a whole number of at least 1 \(got "Infinity"\)/],
      ['--model-size', `${'9'.repeat(400)}GB`, /--model-size: "9+GB" is too large; a size is at most 9007199254740991 bytes/],
      ['--requests', `${'9'.repeat(30)}/s`, /--requests: "9+\/s" is too large; a count per period is at most 9007199254740991/],
    ] as const) {
      const r = cli(['recommend', '--no-interactive', ...WORKLOAD, flag, value]);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toMatch(want);
    }
  });
});

describe('workloads too large to size are refused at once, not after minutes', () => {
  it(`past ${limit('policy.max-requests-in-flight')} requests in flight: one line naming the flag and the limit`, () => {
    const t0 = Date.now();
    const r = cli(['recommend', '--no-interactive', ...WORKLOAD, '--requests', '9007199254740991/s']);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--requests: 9007199254740991\/s with --processing-time 1s is about 1\.8e\+16 requests in flight at the peak; deploy-advisor sizes up to 1,000,000/);
    // The active hours raise the rate within them, and so the peak.
    const hours = cli(['recommend', '--no-interactive', ...WORKLOAD, '--requests', '100000/s', '--active-hours', 'mon 09-10 UTC']);
    expect(hours.code).toBe(2);
    expect(hours.stderr).toMatch(/about 3\.4e\+7 requests in flight/);
    // A given peak is the one checked.
    const peak = cli(['recommend', '--no-interactive', ...WORKLOAD, '--requests', '10/s', '--peak', '2000000/s']);
    expect(peak.code).toBe(2);
    expect(peak.stderr).toMatch(/^deploy-advisor: error: --peak: 2000000\/s with --processing-time 1s/);
  });

  it('just under the limit is sized, within seconds (100000/s took over a minute before)', () => {
    const t0 = Date.now();
    const r = cli(['recommend', '--no-interactive', ...WORKLOAD, '--requests', '400000/s', '--format', 'json']);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.option).toBeTruthy();
  });
});
