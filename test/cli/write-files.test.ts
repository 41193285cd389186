// `recommend -o DIR`: all files or none, never over what is not a regular file, never spinning.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../../src/cli/write-files';
import { cli, expectOneLineError } from './helpers';

const ARGS = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'sustained', '--target', 'aws-cli'];
const FILES = ['create-endpoint-config.yaml', 'create-endpoint.yaml', 'create-model.yaml', 'deploy.sh'];
const scratch = () => mkdtempSync(join(tmpdir(), 'da-write-'));

describe('recommend -o: refusals are one line, exit 2, and leave the folder as it was', () => {
  it('-o /proc/nope fails at once instead of spinning', () => {
    const t0 = Date.now();
    const r = cli([...ARGS, '-o', '/proc/nope/deeper']);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot create folder \/proc\/nope\/deeper: \/proc does not allow new folders/);
    expectOneLineError(r.stderr);
  });

  it('a folder where a file goes is refused, even with --force, and no temporary file is left', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'create-model.yaml'));
    writeFileSync(join(dir, 'create-endpoint.yaml'), 'mine\n');
    const r = cli([...ARGS, '-o', dir, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/create-model\.yaml is a folder, not a regular file; nothing was written/);
    expectOneLineError(r.stderr);
    expect(readdirSync(dir).sort()).toEqual(['create-endpoint.yaml', 'create-model.yaml']);
    expect(readFileSync(join(dir, 'create-endpoint.yaml'), 'utf8')).toBe('mine\n');
  });

  it('a FIFO where a file goes is refused, even with --force', () => {
    const dir = scratch();
    execFileSync('mkfifo', [join(dir, 'create-endpoint.yaml')]);
    const r = cli([...ARGS, '-o', dir, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/create-endpoint\.yaml is a FIFO \(named pipe\), not a regular file/);
    expect(readdirSync(dir)).toEqual(['create-endpoint.yaml']);
  });

  it('a dangling symlink is an existing file: refused without --force; with it, the link is replaced, not followed', () => {
    const dir = scratch();
    const elsewhere = join(scratch(), 'target.yaml');
    symlinkSync(elsewhere, join(dir, 'create-model.yaml'));
    const r = cli([...ARGS, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/create-model\.yaml already exists; nothing was written \(use --force to overwrite\)/);
    expect(readdirSync(dir)).toEqual(['create-model.yaml']);
    const f = cli([...ARGS, '-o', dir, '--force']);
    expect(f.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    expect(readFileSync(join(dir, 'create-model.yaml'), 'utf8')).toMatch(/ModelName: my-model/);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('-o onto a dangling symlink or a FIFO is not a folder', () => {
    const dir = scratch();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link'));
    expect(cli([...ARGS, '-o', join(dir, 'link')]).stderr).toMatch(/--output .*link is a link to nothing, not a folder/);
  });
});

describe('writeFiles is all or none', () => {
  const files = [
    { name: 'a.yaml', content: 'new a\n' },
    { name: 'b.yaml', content: 'new b\n' },
  ];

  it('a temporary file that cannot be written: nothing changes, no temporary file is left', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'old a\n');
    mkdirSync(join(dir, `.b.yaml.${process.pid}.tmp`)); // in the way of b's temporary file
    expect(() => writeFiles(dir, files, true)).toThrow(/cannot write into .*; nothing was written/);
    expect(readdirSync(dir).sort()).toEqual([`.b.yaml.${process.pid}.tmp`, 'a.yaml']);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old a\n');
  });

  it('a failure after some files were moved aside puts them back', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'old a\n');
    writeFileSync(join(dir, 'b.yaml'), 'old b\n');
    mkdirSync(join(dir, `.b.yaml.${process.pid}.old`, 'x'), { recursive: true }); // b cannot be moved aside
    expect(() => writeFiles(dir, files, true)).toThrow(/nothing was written/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('old b\n');
    expect(readdirSync(dir).sort()).toEqual([`.b.yaml.${process.pid}.old`, 'a.yaml', 'b.yaml']);
  });

  it('with --force, every file is replaced and nothing else is left behind', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'old a\n');
    expect(writeFiles(dir, files, true)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('new a\n');
  });
});
