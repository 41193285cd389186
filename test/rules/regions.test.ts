// The Region list is generated from the pinned AWS SDK's partitions table (npm run gen:regions), and
// --region is held against it: a misspelt Region is named, with the closest listed code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, type-checked on its own (tsconfig.scripts.json)
import { readRegions, render } from '../../scripts/gen-regions.mjs';
import { REGIONS } from '../../src/rules/facts/regions.generated';
import { cli } from '../cli/helpers';

const SCRIPTED = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'sustained', '--format', 'json'];

describe('Regions', () => {
  it('src/rules/facts/regions.generated.ts is what npm run gen:regions writes from the installed SDK', () => {
    expect(readFileSync('src/rules/facts/regions.generated.ts', 'utf8')).toBe(render(readRegions()));
  });

  it('lists the commercial, China and GovCloud Regions', () => {
    for (const r of ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1']) expect(REGIONS[r], r).toBeTruthy();
    expect(REGIONS['us-esat-1']).toBeUndefined();
  });

  it('a misspelt --region: the run goes on, costs unknown, and one line names the closest Region', () => {
    const r = cli([...SCRIPTED, '--region', 'us-esat-1', '--requests', '10k/day']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      'deploy-advisor: us-esat-1 is not a Region the AWS SDK lists (@aws-sdk/core ' +
        JSON.parse(readFileSync('node_modules/@aws-sdk/core/package.json', 'utf8')).version +
        '): costs are shown as unknown; did you mean us-east-1 (US East (N. Virginia))?',
    );
    expect(JSON.parse(r.stdout).recommendation.cost).toBeNull();
  });

  it('a listed Region without a cached table keeps the prices update hint; nothing near: no guess', () => {
    const env = { XDG_CACHE_HOME: '/nonexistent-cache-dir' };
    expect(cli([...SCRIPTED, '--region', 'eu-west-1'], { env }).stderr).toContain('no prices for eu-west-1: costs are shown as unknown; run deploy-advisor prices update --region eu-west-1');
    const far = cli([...SCRIPTED, '--region', 'eu-nowhere-9'], { env }).stderr;
    expect(far).toContain('eu-nowhere-9 is not a Region the AWS SDK lists');
    expect(far).not.toContain('did you mean');
  });
});
