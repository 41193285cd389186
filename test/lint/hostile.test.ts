// Hostile and odd input to lint (and recommend --answers): deep nesting, endless files and streams,
// FIFOs and devices, file names that are not UTF-8, templates, and the positions and wording of
// findings a careless user meets first. Each test bounds its own time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/lint/run';
import { limit } from '../../src/rules/facts/limits';
import { BIN, cli, expectOneLineError, expectSchema, ROOT } from '../cli/helpers';
import { bareNodeMiB, HEADROOM_MIB, peakMiB, RSS_PROBE } from '../memory';

const BAD = join(ROOT, 'fixtures/lint/DA1001/invalid.yaml');
const scratch = (p: string) => mkdtempSync(join(tmpdir(), `da-${p}-`));
type Finding = { ruleId: string; messageId: string; message: string; line: number; column: number; source: string };
type FileJson = { path: string; kinds: string[]; findings: Finding[] };
const lintJson = (args: string[], cwd?: string) => {
  const r = cli(['lint', '--format', 'json', ...args], { cwd });
  return { ...r, j: JSON.parse(r.stdout) as { files: FileJson[]; summary: Record<string, number> } };
};
const byName = (files: FileJson[]) => Object.fromEntries(files.map((f) => [f.path.split('/').pop()!, f]));

/** Runs the CLI with stdin fed zeros without end; returns when it exits (or is killed at the bound). */
function withEndlessStdin(args: string[], boundMs: number): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--require', RSS_PROBE, BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const zeros = Buffer.alloc(64 * 1024);
    let open = true;
    child.stdin.on('error', () => (open = false)); // EPIPE once the CLI stops reading
    const pump = () => {
      while (open && child.stdin.write(zeros));
      if (open) child.stdin.once('drain', pump);
    };
    pump();
    const timer = setTimeout(() => child.kill('SIGKILL'), boundMs);
    child.on('close', (code) => {
      open = false;
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

describe('deep nesting is refused before parsing', () => {
  it('many files of 5000 levels in one run: a finding on each, no abort', () => {
    const dir = scratch('deep');
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `flow${i}.yaml`), `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
      writeFileSync(join(dir, `map${i}.json`), `{"a": ${'{"a": '.repeat(3000)}1${'}'.repeat(3000)}}\n`);
      writeFileSync(join(dir, `block${i}.yaml`), `a:\n${Array.from({ length: 1400 }, (_, k) => `${' '.repeat(k + 1)}- `).join('\n')}\n`);
    }
    copyFileSync(BAD, join(dir, 'zz-real.yaml'));
    const t0 = Date.now();
    const { code, stderr, j } = lintJson([dir]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const deep = j.files.filter((f) => f.path.split('/').pop() !== 'zz-real.yaml');
    expect(deep).toHaveLength(18);
    for (const f of deep)
      expect(
        f.findings.map((x) => [x.ruleId, x.message]),
        f.path,
      ).toEqual([['DA0001', expect.stringMatching(`nesting is too deep to read safely \\(more than ${limit('policy.max-nesting')} levels\\)`)]]);
    expect(byName(j.files)['zz-real.yaml']!.findings[0]!.ruleId).toBe('DA1001');
  });

  it('the limit is a policy entry; nesting just under it is read, past it is not', () => {
    const max = limit('policy.max-nesting');
    const at = (n: number) => lintText('f.yaml', Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}\n`)).findings;
    expect(at(max - 1)).toEqual([]);
    expect(at(max + 1)[0]).toMatchObject({ ruleId: 'DA0001', messageId: 'tooDeep', line: 1 });
    // Brackets inside quoted strings, comments and block scalars are text, not nesting.
    const text = `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\nc: |\n  ${'['.repeat(500)}\n`;
    expect(lintText('f.yaml', Buffer.from(text)).findings).toEqual([]);
  });

  it('answers and config files too: one line, exit 2', () => {
    const dir = scratch('deep-answers');
    writeFileSync(join(dir, 'a.yaml'), `payload: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const r = cli(['recommend', '--answers', join(dir, 'a.yaml'), '--no-interactive']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:1:\d+: nesting is too deep/);
    expectOneLineError(r.stderr);
    writeFileSync(join(dir, 'c.yaml'), `rules: ${'{'.repeat(5000)}${'}'.repeat(5000)}\n`);
    const c = cli(['lint', BAD, '--config', join(dir, 'c.yaml')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/c\.yaml:1:\d+: nesting is too deep/);
    expectOneLineError(c.stderr);
  });
});

describe('endless and odd inputs', () => {
  it(`lint /dev/zero: an error finding on it, within bare Node + ${HEADROOM_MIB} MiB, other files still linted`, () => {
    const r = spawnSync(process.execPath, ['--require', RSS_PROBE, BIN, 'lint', '--format', 'json', '/dev/zero', BAD], { encoding: 'utf8', timeout: 15_000 });
    const { code, j } = { code: r.status, j: JSON.parse(r.stdout) as { files: FileJson[] } };
    expectSchema('lint', j);
    expect(peakMiB(r.stderr)).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
    expect(code).toBe(1);
    expect(j.files[0]).toMatchObject({ path: '/dev/zero', findings: [{ ruleId: 'DA0001', messageId: 'notAFile', message: expect.stringMatching(/it is a device,/) }] });
    expect(j.files[1]!.findings[0]!.ruleId).toBe('DA1001');
  });

  it('recommend --answers /dev/zero stops at the 1 MiB cap: exit 2, one line', () => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--require', RSS_PROBE, BIN, 'recommend', '--answers', '/dev/zero', '--no-interactive'], { encoding: 'utf8', timeout: 15_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.status).toBe(2);
    expect(peakMiB(r.stderr)).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
    const stderr = r.stderr.replace(/\nMAXRSS \d+\n$/, '');
    expect(stderr).toMatch(/answers file \/dev\/zero is larger than 1 MiB/);
    expectOneLineError(stderr);
  });

  it('lint - on endless stdin stops reading at the cap and reports the file', async () => {
    const r = await withEndlessStdin(['lint', '--format', 'json', '-'], 15_000);
    expect(r.ms).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(peakMiB(r.stderr)).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: '<stdin>', findings: [{ ruleId: 'DA0001', messageId: 'tooLarge' }] });
  }, 20_000);

  it('a FIFO named *.yaml in a folder is skipped; given by name it is an error finding, never a wait', () => {
    const dir = scratch('fifo');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    copyFileSync(BAD, join(dir, 'real.yaml'));
    const t0 = Date.now();
    const folder = lintJson([dir]);
    expect(folder.j.files.map((f) => f.path.split('/').pop())).toEqual(['real.yaml']);
    const named = lintJson([join(dir, 'pipe.yaml'), join(dir, 'real.yaml')]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(named.code).toBe(1);
    expect(named.j.files[0]!.findings).toEqual([expect.objectContaining({ ruleId: 'DA0001', messageId: 'notAFile', message: expect.stringMatching(/it is a FIFO \(named pipe\),/) })]);
    expect(named.j.files[1]!.findings[0]!.ruleId).toBe('DA1001');
  });

  it('a file name that is not UTF-8 is linted and shown with \\x escapes; the rest goes on', () => {
    const dir = scratch('latin1-name');
    const name = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.yaml')]);
    writeFileSync(name, readFileSync(BAD));
    copyFileSync(BAD, join(dir, 'plain.yaml'));
    const { code, j } = lintJson([dir]);
    expect(code).toBe(1);
    expect(j.files.map((f) => [f.path.split('/').pop(), f.findings[0]?.ruleId])).toEqual([
      ['caf\\xe9.yaml', 'DA1001'],
      ['plain.yaml', 'DA1001'],
    ]);
  });

  it('a file name that is not UTF-8, given by name (absolute or relative), is linted, not "no such file"', () => {
    const dir = scratch('latin1-arg');
    const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.yaml')]);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), bytes]), readFileSync(BAD));
    // The argument as the shell passes it, raw bytes (spawn would encode a JS string as UTF-8): printf writes \351 as the byte 0xE9.
    const run = (arg: string, cwd: string) => {
      const r = spawnSync('/bin/sh', ['-c', 'exec "$0" "$1" lint --format json "$(printf "$2")"', process.execPath, BIN, arg], { cwd, encoding: 'utf8', timeout: 15_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      return { code: r.status, stderr: r.stderr, j: r.stdout ? (JSON.parse(r.stdout) as { files: FileJson[] }) : null };
    };
    for (const [arg, cwd] of [
      ['caf\\351.yaml', dir],
      [`${dir}/caf\\351.yaml`, ROOT],
    ] as const) {
      const r = run(arg, cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.j!.files.map((f) => [f.path.split('/').pop(), f.findings[0]?.ruleId])).toEqual([['caf\\xe9.yaml', 'DA1001']]);
    }
    // A name that is not UTF-8 and not there: still one line, exit 2.
    const missing = run('nope\\351.yaml', dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('deploy-advisor: error: nope\\xe9.yaml: no such file or folder\n');
  });

  it('a loop of symbolic links given by name says so (not "no such file"); inside a folder it is not followed', () => {
    const dir = scratch('loop');
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    copyFileSync(BAD, join(dir, 'sub', 'real.yaml'));
    const named = cli(['lint', join(dir, 'a.yaml')]);
    expect(named.code).toBe(2);
    expectOneLineError(named.stderr);
    expect(named.stderr).toMatch(/a\.yaml: a loop of symbolic links \(a link that leads back to itself\); give the file or folder it should point to/);
    const t0 = Date.now();
    const folder = lintJson([dir]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(folder.j.files.map((f) => f.path.split('/').pop())).toEqual(['real.yaml']);
  });

  it('lint /dev/stdin with nothing piped (stdin /dev/null) returns at once: a device, not a wait', () => {
    const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', '/dev/stdin'], { stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'], encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'DA0001', messageId: 'notAFile' });
  });

  it('a 200 MB file is refused after reading 1 MiB of it: one finding, memory flat', () => {
    const dir = scratch('big');
    const big = join(dir, 'big.yaml');
    const fd = openSync(big, 'w');
    writeSync(fd, 'a: 1\n');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: 200 MB on paper, no disk
    closeSync(fd);
    const r = spawnSync(process.execPath, ['--require', RSS_PROBE, BIN, 'lint', '--format', 'json', big], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(1);
    expect(peakMiB(r.stderr)).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
    expect(JSON.parse(r.stdout).files[0].findings).toEqual([expect.objectContaining({ ruleId: 'DA0001', messageId: 'tooLarge' })]);
  });

  it("60,000 keys in one mapping lint in seconds (the YAML library's duplicate check is O(n^2): it took 30 s), and duplicates are still found", () => {
    const dir = scratch('keys');
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`);
    writeFileSync(join(dir, 'keys.yaml'), keys.join('\n') + '\n');
    writeFileSync(join(dir, 'dup.yaml'), [...keys, 'k59999: again', 'z:', '  a: {x: 1, x: 2}'].join('\n') + '\n');
    const t0 = Date.now();
    const { j } = lintJson([dir]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(byName(j.files)['keys.yaml']!.findings).toEqual([]);
    // The duplicate first in the text, at its key: line 60,001, column 1.
    expect(byName(j.files)['dup.yaml']!.findings).toEqual([expect.objectContaining({ ruleId: 'DA0001', message: 'not valid YAML or JSON: a key appears twice in one mapping', line: 60_001, column: 1, endLine: 60_001, endColumn: 2 })]);
    // A nested duplicate before an outer one is the one reported, as before.
    writeFileSync(join(dir, 'nested.yaml'), 'a:\n  b: 1\n  c: {x: 1, x: 2}\n  b: 3\n');
    expect(lintJson([join(dir, 'nested.yaml')]).j.files[0]!.findings).toEqual([expect.objectContaining({ line: 3, column: 13 })]);
  });

  it('Helm chart templates ({{ … }}) are skipped silently; CloudFormation {{resolve:…}} is still linted', () => {
    const dir = scratch('helm');
    mkdirSync(join(dir, 'chart/templates'), { recursive: true });
    writeFileSync(join(dir, 'chart/templates/deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n');
    writeFileSync(join(dir, 'chart/templates/endpoint.yaml'), `{{- if .Values.sagemaker }}\n${readFileSync(BAD, 'utf8')}{{- end }}\n`);
    writeFileSync(join(dir, 'resolve.yaml'), `${readFileSync(BAD, 'utf8')}Tags:\n  - Key: owner\n    Value: '{{resolve:ssm:/team/owner}}'\n`);
    const { code, j } = lintJson([dir]);
    const f = byName(j.files);
    expect(f['deployment.yaml']).toMatchObject({ kinds: [], findings: [] });
    expect(f['endpoint.yaml']).toMatchObject({ kinds: [], findings: [] });
    expect(f['resolve.yaml']!.findings.map((x) => x.ruleId)).toEqual(['DA1001']);
    expect(code).toBe(1);
  });
});

describe('findings where and as a user reads them', () => {
  it('a key whose value is a block mapping is pointed at by its key line', () => {
    const { j } = lintJson(['fixtures/lint/DA1006/invalid.yaml', 'fixtures/lint/DA1005/invalid.yaml']);
    // (The examples also lack a KMS key: DA7001 speaks too, at the endpoint config.)
    expect(j.files[0]!.findings.find((f) => f.ruleId === 'DA1006')).toMatchObject({ line: 7, column: 1 }); // AsyncInferenceConfig:
    expect(j.files[1]!.findings.find((f) => f.ruleId === 'DA1005')).toMatchObject({ line: 8, column: 7 }); // VpcConfig:
  });

  it('MaxPayloadInMB 6.5 is one finding (the type); with DA1014 off, the range rule reports it', () => {
    const dir = scratch('payload');
    writeFileSync(join(dir, 'job.yaml'), readFileSync(join(ROOT, 'fixtures/lint/DA3001/valid.yaml'), 'utf8').replace(/MaxPayloadInMB: .*/, 'MaxPayloadInMB: 6.5'));
    const once = lintJson(['job.yaml'], dir);
    expect(once.j.files[0]!.findings.map((f) => f.ruleId)).toEqual(['DA1014']);
    writeFileSync(join(dir, '.deploy-advisor.yaml'), 'rules:\n  DA1014: off\n');
    expect(lintJson(['job.yaml'], dir).j.files[0]!.findings.map((f) => f.ruleId)).toEqual(['DA3001']);
  });

  it('a partial answers file: what is wrong in it, not what it leaves to flags', () => {
    const dir = scratch('partial');
    writeFileSync(join(dir, 'ok.yaml'), 'batch: false\nmodelSize: 1.2GB\ngpu: false\n');
    writeFileSync(join(dir, 'nobatch.yaml'), 'payload: 2MB\nprocessingTime: 800ms\n');
    writeFileSync(join(dir, 'bad.yaml'), 'payload: 2MB\nprocessingTime: 800\n');
    const { j } = lintJson(['ok.yaml', 'nobatch.yaml', 'bad.yaml'], dir);
    expect(j.files.map((f) => f.kinds)).toEqual([['answers'], ['answers'], ['answers']]);
    expect(j.files[0]!.findings).toEqual([]);
    expect(j.files[1]!.findings).toEqual([]);
    expect(j.files[2]!.findings).toEqual([expect.objectContaining({ ruleId: 'DA4001', line: 2, column: 17 })]);
    // The same partial file is what recommend accepts with the rest as flags.
    expect(cli(['recommend', '--answers', join(dir, 'nobatch.yaml'), '--no-batch', '--latency', '30s', '--traffic', 'sustained', '--no-interactive']).code).toBe(0);
  });

  it('mistyped options and config entries get "did you mean"', () => {
    expect(cli(['lint', BAD, '--max-warning', '1']).stderr).toMatch(/unknown option '--max-warning' \(Did you mean --max-warnings\?\)/);
    const dir = scratch('config');
    copyFileSync(BAD, join(dir, 'e.yaml'));
    const cases: Array<[string, RegExp]> = [
      ['rule:\n  DA1001: off\n', /:1:1: unknown key "rule" \(did you mean "rules"\?\)/],
      ['rules:\n  DA101: off\n', /:2:3: unknown rule "DA101" \(did you mean "DA1001"\?\)/],
      ['rules:\n  DA1001: warn\n', /:2:11: DA1001: "warn" is not off, warning or error \(did you mean "warning"\?\)/],
    ];
    for (const [config, message] of cases) {
      writeFileSync(join(dir, '.deploy-advisor.yaml'), config);
      const r = cli(['lint', 'e.yaml'], { cwd: dir });
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toMatch(message);
      expectOneLineError(r.stderr);
    }
  });
});

describe('encodings and line endings', () => {
  // A template with one finding on line 4 (DA1001: ml.m5.large cannot take 8 GB... any real finding will do).
  const TEMPLATE = readFileSync(BAD, 'utf8');
  const firstFinding = lintText('f.yaml', Buffer.from(TEMPLATE)).findings[0]!;

  it('CR-only line endings (old Mac) are line breaks, as YAML 1.2 and cfn-lint read them: same findings, same lines', () => {
    const dir = scratch('cr');
    writeFileSync(join(dir, 'cr.yaml'), TEMPLATE.replace(/\n/g, '\r'));
    writeFileSync(join(dir, 'crlf.yaml'), TEMPLATE.replace(/\n/g, '\r\n'));
    const { code, j } = lintJson([join(dir, 'cr.yaml'), join(dir, 'crlf.yaml')]);
    expect(code).toBe(1);
    for (const f of j.files) expect(f.findings[0], f.path).toMatchObject({ ruleId: firstFinding.ruleId, line: firstFinding.line, column: firstFinding.column });
    // A syntax error in a CR-only file is placed on its own line, not on line 1.
    writeFileSync(join(dir, 'broken.yaml'), 'a: 1\rb: [1, 2\rc: 3\r');
    expect(lintJson([join(dir, 'broken.yaml')]).j.files[0]!.findings[0]).toMatchObject({ ruleId: 'DA0001', line: expect.any(Number) });
    expect(lintJson([join(dir, 'broken.yaml')]).j.files[0]!.findings[0]!.line).toBeGreaterThan(1);
  });

  it('answers and config files with CR-only line endings are read too', () => {
    const dir = scratch('cr-answers');
    writeFileSync(join(dir, 'a.yaml'), 'batch: false\rtraffic: sustained\rpayload: 1MB\rprocessingTime: 1s\rlatency: 30s\r');
    expect(cli(['recommend', '--answers', join(dir, 'a.yaml'), '--no-interactive']).code).toBe(0);
    writeFileSync(join(dir, 'c.yaml'), 'rules:\r  DA1001: off\r');
    const r = cli(['lint', BAD, '--config', join(dir, 'c.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings).toEqual([]);
  });

  it('UTF-16 (LE and BE, with a byte-order mark, and LE without) is named, with how to fix it, not called binary', () => {
    const dir = scratch('utf16');
    const le = Buffer.from(TEMPLATE, 'utf16le');
    const be = Buffer.from(le).swap16();
    writeFileSync(join(dir, 'le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    writeFileSync(join(dir, 'be.json'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(join(dir, 'nobom.yaml'), le);
    const { code, j } = lintJson([dir]);
    expect(code).toBe(1);
    const msg = (name: string) => byName(j.files)[name]!.findings;
    expect(msg('be.json')).toEqual([
      expect.objectContaining({ ruleId: 'DA0001', messageId: 'utf16', line: 1, message: 'the file is UTF-16 (big-endian, with a byte-order mark); save it as UTF-8, which CloudFormation, the AWS CLI and cfn-lint read' }),
    ]);
    expect(msg('le.yaml')[0]!.message).toMatch(/^the file is UTF-16 \(little-endian, with a byte-order mark\); save it as UTF-8/);
    expect(msg('nobom.yaml')[0]!.message).toMatch(/^the file is UTF-16 \(little-endian, without a byte-order mark\)/);
    // A real binary file is still binary.
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10]));
    expect(lintJson([join(dir, 'bin.yaml')]).j.files[0]!.findings[0]!.messageId).toBe('binary');
  });
});

describe('lint - at a terminal', () => {
  const SCRIPT = (() => {
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!SCRIPT) console.warn('SKIPPED: lint - at a terminal (util-linux script is not installed)');

  it.skipIf(!SCRIPT)(
    'is refused in one line, exit 2, instead of waiting for typed YAML',
    async () => {
      // script(1) gives the CLI a terminal as stdin; our end of it stays open and sends nothing.
      const r = await new Promise<{ code: number | null; out: string; ms: number }>((done) => {
        const t0 = Date.now();
        const child = spawn('script', ['-qec', `${process.execPath} ${BIN} lint -`, '/dev/null'], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'dumb' } });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
        child.on('close', (code) => {
          clearTimeout(timer);
          done({ code, out, ms: Date.now() - t0 });
        });
      });
      expect(r.ms).toBeLessThan(8000);
      expect(r.code).toBe(2);
      expect(r.out.replace(/\r/g, '')).toBe('deploy-advisor: error: - reads standard input, which is a terminal here; pipe a file in (deploy-advisor lint - < template.yaml) or name the files\n');
    },
    15_000,
  );
});
