// The aws-cli target's deploy.sh: run as written (against a stand-in `aws` that records its
// arguments), it creates every input file's resource in order and registers exactly the
// autoscaling the plan was priced with (issue 19: the files as written deploy the plan).
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/helpers';

const GOLDEN = join(ROOT, 'fixtures', 'generate');
const CASES = readdirSync(GOLDEN)
  .filter((c) => existsSync(join(GOLDEN, c, 'aws-cli', 'deploy.sh')))
  .sort();

/** A stand-in for the AWS CLI: logs each call, answers the two queries the script reads. */
const FAKE_AWS = `#!/bin/sh
echo "$*" >> "$AWS_LOG"
case "$*" in
  *describe-inference-component*) echo InService ;;
  *StepScaling*) echo arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x ;;
esac
`;

function run(c: string, fill = false) {
  const dir = mkdtempSync(join(tmpdir(), 'da-deploy-'));
  cpSync(join(GOLDEN, c, 'aws-cli'), join(dir, 'files'), { recursive: true });
  // As a user would: the <PLACEHOLDERS> replaced with values.
  if (fill) for (const f of readdirSync(join(dir, 'files')).filter((x) => x.endsWith('.yaml'))) writeFileSync(join(dir, 'files', f), readFileSync(join(dir, 'files', f), 'utf8').replace(/<[A-Z][A-Z0-9-]*>/g, 'x1'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'aws'), FAKE_AWS);
  chmodSync(join(dir, 'bin', 'aws'), 0o755);
  const log = join(dir, 'aws.log');
  const r = spawnSync('sh', [join(dir, 'files', 'deploy.sh')], { encoding: 'utf8', env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, AWS_LOG: log }, timeout: 30_000 });
  return { r, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

describe('deploy.sh (aws-cli target)', () => {
  it('is written for every golden aws-cli folder', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(CASES)("%s: deploys the files in order and the plan's autoscaling", (c) => {
    const yaml = readdirSync(join(GOLDEN, c, 'aws-cli')).filter((f) => f.endsWith('.yaml'));
    const placeholders = yaml.some((f) => /<[A-Z][A-Z0-9-]*>/.test(readFileSync(join(GOLDEN, c, 'aws-cli', f), 'utf8')));
    if (placeholders) {
      // Placeholders left: nothing is created, and the script says why.
      const left = run(c);
      expect(left.r.status).toBe(2);
      expect(left.r.stderr).toMatch(/replace the <PLACEHOLDERS>/);
      expect(left.calls).toEqual([]);
    }
    const { r, calls } = run(c, true);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/deploy\.sh: done/);
    // Every input file, once, each before anything that names it.
    const created = calls.filter((x) => x.startsWith('sagemaker create-')).map((x) => /file:\/\/(\S+)/.exec(x)![1]);
    expect([...created].sort()).toEqual([...yaml].sort());
    // The autoscaling registered is the plan's (the recommendation as JSON).
    const j = JSON.parse(cli(['recommend', '--answers', join(GOLDEN, c, 'answers.yaml'), '--target', 'aws-cli', '--format', 'json']).stdout);
    const registered = calls.filter((x) => x.includes('register-scalable-target')).map((x) => [/--scalable-dimension (\S+)/.exec(x)![1], Number(/--min-capacity (\d+)/.exec(x)![1]), Number(/--max-capacity (\d+)/.exec(x)![1])]);
    expect(registered).toEqual(j.recommendation.plan.scaling.map((s: { dimension: string; min: number; max: number }) => [s.dimension, s.min, s.max]));
    // A step policy out of zero comes with its alarm, which names the policy's ARN.
    const steps = calls.filter((x) => x.includes('StepScaling')).length;
    const alarms = calls.filter((x) => x.startsWith('cloudwatch put-metric-alarm'));
    expect(alarms.length).toBe(steps);
    for (const a of alarms) expect(a).toMatch(/--alarm-actions arn:aws:autoscaling:/);
  });
});
