import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { spawnSync } from 'node:child_process';
import { BIN, cli, expectOneLineError, ROOT } from './helpers';
import { TARGETS } from '../../src/emit/targets';

describe('the program', () => {
  it('--help goes to stdout, exit 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/recommend/);
    expect(r.stdout).toMatch(/limits/);
  });

  it('recommend --help explains units and exit codes', () => {
    const r = cli(['recommend', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 KB = 1000 bytes/);
    expect(r.stdout).toMatch(/1 KiB = 1024 bytes/);
    expect(r.stdout).toMatch(/Exit codes: 0 a recommendation, 1 nothing fits, 2 bad input or usage/);
  });

  it('recommend --help names every --target in its Config paragraph, as --target does', () => {
    const help = cli(['recommend', '--help']).stdout;
    const config = /\nConfig:([\s\S]*?)\nRequired:/.exec(help)![1]!;
    for (const t of TARGETS) expect(config, `Config: does not name --target ${t}`).toContain(`--target ${t}`);
  });

  it('every command says what it does under its usage line', () => {
    for (const c of ['recommend', 'lint', 'check-artifact', 'rules', 'limits', 'audit', 'prices']) {
      const lines = cli([c, '--help']).stdout.split('\n');
      expect(lines[1], `${c} --help`).toBe('');
      expect(lines[2], `${c} --help has no description`).toMatch(/^[A-Z][a-z]+ (?!.*:$)/);
    }
  });

  it("the help command shows a command's help, exit 0", () => {
    const r = cli(['help', 'lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: deploy-advisor lint/);
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('no command without a terminal: help on stderr, exit 2', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: deploy-advisor/);
  });

  it('an unknown command is one line, exit 2', () => {
    const r = cli(['recomend']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'recomend'/);
    expectOneLineError(r.stderr);
  });
});

describe('limits', () => {
  it('prints the table as text', () => {
    const r = cli(['limits']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/real-time\.payload\s+max 6 MiB\s+request payload of InvokeEndpoint/);
    expect(r.stdout).toMatch(/serverless\.gpu\s+not supported/);
  });

  it('prints JSON with sources and dates', () => {
    const j = JSON.parse(cli(['limits', '--format', 'json']).stdout);
    expect(j.schemaVersion).toBe(1);
    const e = j.limits.find((l: { id: string }) => l.id === 'serverless.memory-max');
    expect(e).toMatchObject({ option: 'serverless', value: 6144, unit: 'MB', kind: 'max', checked: '2026-11-24' });
    expect(e.source).toMatch(/^https:\/\//);
  });

  it('prints markdown with notes', () => {
    const r = cli(['limits', '--format', 'markdown']);
    expect(r.stdout).toMatch(/^\| id \| option \| limits \|/);
    expect(r.stdout).toMatch(/\| `real-time.payload` \|.*25 MB/);
  });

  it('rejects an unknown format', () => {
    const r = cli(['limits', '--format', 'html']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
  });
});

describe('lazy loading', () => {
  // Watches which command and vendor bundles the process reads, however they are loaded.
  const probe =
    'const fs = require("fs"); const seen = new Set(); const read = fs.readFileSync;' +
    ' fs.readFileSync = function (p, ...a) { const s = String(p); const m = /dist[\\/]((cmd|vendor)[\\/].+\\.cjs|program\\.cjs)$/.exec(s); if (m) seen.add(m[1].replace(/\\\\/g, "/")); return read.call(this, p, ...a); };' +
    ' process.on("exit", () => process.stderr.write("LOADED " + JSON.stringify([...seen].sort())));';
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['-e', `${probe}; process.argv.splice(1, 1, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)})`, 'x', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, cwd: ROOT });

  it('a scripted recommend loads the program (which holds recommend), and neither the linter nor the prompt library nor yaml nor chalk', () => {
    const r = run('recommend', '--no-batch', '--payload', '2MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.option).toBe('serverless');
    expect(r.stderr).toMatch(/LOADED \["program\.cjs"\]$/);
  });

  it('text output loads chalk only with colours on; a flat answers file needs no yaml, others do; lint loads its bundle and yaml only, not the advisor (the probe sees loads)', () => {
    expect(run('recommend', '--answers', 'fixtures/answers/intermittent-api.yaml').stderr).toMatch(/LOADED \["program\.cjs"\]$/);
    expect(run('recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--color').stderr).toMatch(/LOADED \["program\.cjs","vendor\/chalk\.cjs"\]$/);
    expect(run('lint', '--color', 'fixtures/lint/DA1001/invalid.yaml').stderr).toMatch(/LOADED \["cmd\/lint\.cjs","program\.cjs","vendor\/chalk\.cjs","vendor\/yaml\.cjs"\]$/);
    expect(run('recommend', '--answers', 'fixtures/answers/video-analysis.json', '--format', 'json').stderr).toMatch(/LOADED \["program\.cjs","vendor\/yaml\.cjs"\]$/);
    expect(run('lint', '--format', 'json', 'fixtures/lint/DA1001/valid.yaml').stderr).toMatch(/LOADED \["cmd\/lint\.cjs","program\.cjs","vendor\/yaml\.cjs"\]$/);
  });

  it('a plain lint FILE… (a pre-commit run) skips the commander program, and behaves as through it', () => {
    const plain = run('lint', 'fixtures/lint/DA1001/valid.yaml');
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/LOADED \["cmd\/lint\.cjs","vendor\/yaml\.cjs"\]$/);
    // A Terraform file, and only it, loads the HCL parser (web-tree-sitter and its grammar).
    expect(run('lint', 'fixtures/lint/DA1001/valid.tf').stderr).toMatch(/LOADED \["cmd\/lint\.cjs","vendor\/web-tree-sitter\.cjs","vendor\/yaml\.cjs"\]$/);
    // The same words with an option go through commander: same output, same exit codes.
    for (const files of [['fixtures/lint/DA1001/invalid.yaml'], ['no-such-file.yaml'], ['fixtures/lint/DA1001/valid.yaml', 'fixtures/lint/DA1010/invalid.yaml']]) {
      const fast = run('lint', ...files);
      const viaCommander = run('lint', '--format', 'text', ...files);
      expect(viaCommander.stderr).toMatch(/program\.cjs/);
      expect(fast.stderr).not.toMatch(/program\.cjs/);
      expect([fast.status, fast.stdout, fast.stderr.replace(/LOADED .*$/, '')]).toEqual([viaCommander.status, viaCommander.stdout, viaCommander.stderr.replace(/LOADED .*$/, '')]);
    }
  });
});

describe('a reader that stops early', () => {
  it('a closed stdout (| head, | true) ends the CLI quietly, without a stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'limits', '--format', 'markdown'], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the CLI writes, as with | true
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe('standard output', () => {
  // stdout is written through its file descriptor (src/cli/index.ts); a non-blocking pipe that fills
  // up (EAGAIN) hands the rest to process.stdout. python3 makes such a pipe (Node cannot).
  const python = spawnSync('python3', ['--version']).status === 0 ? '' : 'python3 is not installed';
  if (python) console.warn(`SKIPPED: output through a full non-blocking pipe (${python})`);

  it.skipIf(python !== '')(`arrives whole and in order through a full non-blocking pipe${python ? ` (SKIPPED: ${python})` : ''}`, () => {
    const args = [BIN, 'lint', '--format', 'json', 'fixtures/lint'];
    const plain = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(plain.stdout.length).toBeGreaterThan(65536); // more than a pipe holds
    const slow = spawnSync('python3', ['test/cli/nonblocking-stdout.py', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(slow.status).toBe(plain.status);
    expect(slow.stdout).toBe(plain.stdout);
  });
});
