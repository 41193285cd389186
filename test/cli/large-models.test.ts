// Issue 24's input: --image-size (answers key imageSize), declared once in the input table.
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './helpers';

const BASE = ['recommend', '--no-batch', '--payload', '1KB', '--processing-time', '100ms', '--latency', '1s', '--traffic', 'sustained'];

describe('--image-size', () => {
  it('is read into the workload, in bytes', () => {
    const r = cli([...BASE, '--image-size', '12GB', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).workload.imageSizeBytes).toBe(12e9);
    expect(JSON.parse(cli([...BASE, '--format', 'json']).stdout).workload).not.toHaveProperty('imageSizeBytes');
  });

  it('a bad size: one line, exit 2, naming the flag', () => {
    const r = cli([...BASE, '--image-size', 'lots']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--image-size: "lots" is not a size/);
  });

  it('is listed in recommend --help with what it checks', () => {
    const help = cli(['recommend', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--image-size <size> container image size, e\.g\. 12GB: Serverless takes images of at most 10 GiB \(default: not checked\)/);
  });
});
