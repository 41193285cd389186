// Batch Transform maps whole S3 objects to instances (batch-transform.instances-per-object): a plan
// with more than one instance says how many input files it needs, in the output and the files.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';

const BATCH = ['recommend', '--batch', '--payload', '2KB', '--processing-time', '50ms', '--content-type', 'text/csv', '--target', 'aws-cli', '--format', 'json'];

describe('Batch Transform input objects', () => {
  it('95 instances: split the input into at least 95 S3 objects, said in the warnings and the job file', () => {
    const r = cli([...BATCH, '--requests', '50M/day', '--deadline', '1h']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recommendation.plan.batch.instanceCount).toBe(95);
    const line = 'split the input into at least 95 S3 objects (files) under the input prefix: Batch Transform hands each object to one instance';
    expect(out.config.warnings.join('\n')).toContain(line);
    const job = out.config.files.find((f: { name: string }) => f.name === 'create-transform-job.yaml');
    expect(job.content).toContain(line);
    expect(job.content).toMatch(/InstanceCount: 95\n/);
  });

  it('one instance: nothing to split', () => {
    const r = cli([...BATCH, '--requests', '10k/day']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recommendation.plan.batch.instanceCount).toBe(1);
    expect(out.config.warnings.join('\n')).not.toContain('split the input');
  });
});
