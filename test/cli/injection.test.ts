// Values reach generated files only on one line: checked against their API pattern, and comments
// never carry a raw line break (which would end the comment and add YAML of the user's choosing).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeYaml } from '../../src/emit/yaml';
import { cli, expectOneLineError } from './helpers';

const BATCH = ['recommend', '--batch', '--payload', '2MB', '--no-interactive'];

describe('injection through answers', () => {
  it.each([
    ['--content-type', 'text/csv\nEvil: 1'],
    ['--content-type', 'text/csv;\nEvil: 1'],
    ['--content-type', 'text/csv\r\n;x'],
    ['--content-type', `text/csv; ${'x'.repeat(300)}`],
  ])('%s %j is refused: exit 2, one line, nothing written', (flag, value) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-inject-')), 'out');
    const r = cli([...BATCH, flag, value, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deploy-advisor: error: --content-type: /);
    expectOneLineError(r.stderr);
    expect(() => readdirSync(dir)).toThrow();
  });

  it.each([
    ['--model-data', 's3://bucket\nEvil: 1/model.tar.gz'],
    ['--s3-input', 's3://bucket/in\n/'],
    ['--s3-output', 's3://bucket/out/\u2028x/'],
  ])('%s %j is refused: exit 2, one line', (flag, value) => {
    const r = cli([...BATCH, '--target', 'aws-cli', flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a control character \(a line break or tab\); give it on one line/);
    expectOneLineError(r.stderr);
  });

  it('a valid content type with parameters is written and reads back as one value', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-inject-')), 'out');
    const r = cli([...BATCH, '--content-type', 'text/csv; charset=utf-8', '-o', dir]);
    expect(r.code).toBe(0);
    const job = parse(readFileSync(join(dir, 'create-transform-job.yaml'), 'utf8'));
    expect(job.TransformInput.ContentType).toBe('text/csv; charset=utf-8');
  });
});

describe('generated comments', () => {
  it('a line break in comment text stays inside the comment', () => {
    const text = writeYaml({ A: 1 }, ['one\nEvil: 1', 'two\r\u2028three']);
    expect(text.split('\n')).toEqual(['# one\\nEvil: 1', '# two\\u000d\\u2028three', 'A: 1', '']);
    expect(parse(text)).toEqual({ A: 1 });
  });
});
