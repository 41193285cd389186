// Hostile and careless input to recommend: numbers JSON cannot write (NaN, infinity), workloads too
// large to size, answers files that are not files, and output that cannot be written. Each case
// asserts what the user sees: the exit code and the one line on stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limit } from '../../src/rules/facts/limits';
import { BIN, ROOT, cli, expectOneLineError } from './helpers';

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

describe('files that are not files, and output that cannot be written', () => {
  const WRITABLE = [...WORKLOAD, '--latency', '30s', '--requests', '10/s'];

  it('--answers and check-artifact on a named pipe: one line, exit 2, never a wait for a writer', () => {
    const dir = scratch('fifo');
    execFileSync('mkfifo', [join(dir, 'answers.yaml')]);
    execFileSync('mkfifo', [join(dir, 'model.tar.gz')]);
    const t0 = Date.now();
    const a = cli(['recommend', '--no-interactive', '--answers', join(dir, 'answers.yaml')]);
    expect(a.code).toBe(2);
    expectOneLineError(a.stderr);
    expect(a.stderr).toMatch(/answers file .*answers\.yaml is a FIFO \(named pipe\), not a file; give a YAML or JSON file \(or pipe it in: --answers \/dev\/stdin\)/);
    for (const args of [
      ['check-artifact', join(dir, 'model.tar.gz')],
      ['recommend', '--no-interactive', ...WRITABLE, '--artifact', join(dir, 'model.tar.gz')],
    ]) {
      const r = cli(args);
      expect(r.code, args[0]).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toMatch(/model\.tar\.gz is a FIFO \(named pipe\), not a file; give the model\.tar\.gz file/);
    }
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("--answers /dev/stdin reads a file piped in by the shell (the shell's own pipe is not refused)", () => {
    const answers = 'batch: false\\ntraffic: sustained\\npayload: 1MB\\nprocessingTime: 1s\\nlatency: 30s\\n';
    const r = spawnSync('/bin/sh', ['-c', `printf '${answers}' | exec "$0" "$1" recommend --no-interactive --answers /dev/stdin --format json`, process.execPath, BIN], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.option).toBeTruthy();
  });

  it('answers and lint config files that are UTF-16, binary or not UTF-8: one line naming the encoding and where', () => {
    const dir = scratch('encodings');
    const text = 'batch: false\ntraffic: sustained\n';
    writeFileSync(join(dir, 'u16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('batch: false\ntraffic: sust\xe9\n', 'latin1'));
    for (const [name, want] of [
      ['u16.yaml', 'u16.yaml:1:1: the file is UTF-16 (little-endian, with a byte-order mark); save it as UTF-8'],
      ['bin.yaml', 'bin.yaml:1:1: the file is binary (it has NUL bytes), not YAML or JSON'],
      ['latin1.yaml', 'latin1.yaml:2:14: the file is not valid UTF-8 here; save it as UTF-8'],
    ]) {
      const r = cli(['recommend', '--no-interactive', '--answers', join(dir, name!)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toBe(`deploy-advisor: error: ${join(dir, want!)}\n`);
    }
    const config = cli(['lint', '--config', join(dir, 'u16.yaml'), join(ROOT, 'fixtures/lint/DA1001/invalid.yaml')]);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/u16\.yaml:1:1: the file is UTF-16 \(little-endian, with a byte-order mark\); save it as UTF-8\n$/);
  });

  it('a key given twice in an answers or config file: one line naming the key and where', () => {
    const dir = scratch('dup');
    writeFileSync(join(dir, 'a.json'), '{"batch": false, "batch": true}\n');
    const a = cli(['recommend', '--no-interactive', '--answers', join(dir, 'a.json')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`deploy-advisor: error: ${join(dir, 'a.json')}:1:18: "batch" appears twice; give each answer once\n`);
    writeFileSync(join(dir, 'c.yaml'), 'rules:\n  DA1001: off\n  DA1001: error\n');
    const c = cli(['lint', '--config', join(dir, 'c.yaml'), join(ROOT, 'fixtures/lint/DA1001/invalid.yaml')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe(`deploy-advisor: error: ${join(dir, 'c.yaml')}:3:3: "DA1001" appears twice; give each rule once\n`);
  });

  it('check-artifact on a loop of symbolic links: one line that says so', () => {
    const dir = scratch('art-loop');
    symlinkSync('b.tar.gz', join(dir, 'a.tar.gz'));
    symlinkSync('a.tar.gz', join(dir, 'b.tar.gz'));
    const r = cli(['check-artifact', join(dir, 'a.tar.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`deploy-advisor: error: cannot read ${join(dir, 'a.tar.gz')}: a loop of symbolic links (a link that leads back to itself)\n`);
  });

  it('an empty path (an unset shell variable): one line that says so, not ": no such file"', () => {
    for (const [args, want] of [
      [['lint', ''], 'an empty path was given (an unset shell variable?); name files or folders to lint'],
      [['check-artifact', ''], 'an empty path was given (an unset shell variable?); give the model.tar.gz file'],
      [['recommend', '--no-interactive', '--answers', ''], '--answers was given an empty path (an unset shell variable?); give a YAML or JSON file'],
    ] as const) {
      const r = cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`deploy-advisor: error: ${want}\n`);
    }
  });

  it('--answers on a folder: one line, exit 2', () => {
    const r = cli(['recommend', '--no-interactive', '--answers', tmpdir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`deploy-advisor: error: cannot read answers file ${tmpdir()}: it is a directory\n`);
  });

  it('standard output on a full device (> /dev/full): one line on stderr, exit 2, no stack trace', () => {
    for (const args of [['recommend', '--no-interactive', ...WRITABLE], ['lint', '--format', 'json', join(ROOT, 'fixtures/lint/DA1001/invalid.yaml')], ['limits']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr).toBe('deploy-advisor: error: cannot write to standard output: no space left on the device\n');
    }
  });

  it('-o onto an existing file or /dev/full: one line, exit 2, nothing written', () => {
    const dir = scratch('out');
    writeFileSync(join(dir, 'file'), 'x');
    const onFile = cli(['recommend', '--no-interactive', ...WRITABLE, '-o', join(dir, 'file')]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/--output .*file is a file, not a folder/);
    const full = cli(['recommend', '--no-interactive', ...WRITABLE, '-o', '/dev/full']);
    expect(full.code).toBe(2);
    expect(full.stderr).toBe('deploy-advisor: error: --output /dev/full is a device, not a folder\n');
    expect(readdirSync(dir)).toEqual(['file']);
  });

  const ROOT_USER = process.getuid?.() === 0;
  if (ROOT_USER) console.warn('SKIPPED: -o into a read-only folder (running as root, which writes anywhere)');
  it.skipIf(ROOT_USER)('-o into a read-only folder: one line, exit 2, no temporary file left', () => {
    const dir = scratch('ro');
    execFileSync('chmod', ['555', dir]);
    const r = cli(['recommend', '--no-interactive', ...WRITABLE, '-o', dir]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/permission denied/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'template.yaml'))).toBe(false);
  });
});
