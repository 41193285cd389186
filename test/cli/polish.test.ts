// Small things a user meets first: help for a command that does not exist, --color against
// NO_COLOR, and check-artifact's JSON summary matching lint's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, tgz } from '../artifact/tarball';
import { cli, expectOneLineError } from './helpers';

const PER_REQUEST = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent'];

describe('CLI polish', () => {
  it('help nope: "unknown command nope", exit 2, one line', () => {
    const r = cli(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^deploy-advisor: error: unknown command nope; the commands are recommend, lint, check-artifact, rules, limits/);
    expectOneLineError(r.stderr);
    expect(cli(['help', 'lint']).code).toBe(0);
  });

  it('an explicit --color beats NO_COLOR; --no-color beats FORCE_COLOR', () => {
    expect(cli(['--color', ...PER_REQUEST], { env: { NO_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(cli(PER_REQUEST, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['--no-color', ...PER_REQUEST], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('check-artifact --format json has linted in its summary, as lint does', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'da-polish-')), 'model.tar.gz');
    writeFileSync(p, tgz(files('model.pth', 'code/inference.py')));
    const j = JSON.parse(cli(['check-artifact', '--format', 'json', p]).stdout);
    expect(j.summary).toEqual({ files: 1, linted: 1, errors: 0, warnings: 0 });
  });
});
