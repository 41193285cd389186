// recommend --requests: prices every option, lets cost choose, sizes the generated capacity.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './helpers';

const PER_REQUEST = ['recommend', '--no-batch', '--payload', '10KB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'sustained', '--request-size', '10KB', '--response-size', '10KB'];
const cache = () => mkdtempSync(join(tmpdir(), 'da-cost-'));
const json = (args: string[], env: Record<string, string> = {}) => {
  const r = cli([...args, '--format', 'json'], { env: { XDG_CACHE_HOME: cache(), ...env } });
  return { ...r, j: r.stdout ? JSON.parse(r.stdout) : null };
};

describe('recommend --requests', () => {
  it('5M/day at 800 ms: Serverless is cheapest; the text shows a cost table and where it stops fitting', () => {
    const r = cli([...PER_REQUEST, '--requests', '5M/day'], { env: { XDG_CACHE_HOME: cache() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Recommendation: Serverless Inference$/m);
    expect(r.stdout).toMatch(/cheapest option that fits: about \$2,478\.65 a month, .* less than Real-Time Inference/);
    expect(r.stdout).toMatch(/^Monthly cost \(us-east-1 list prices as of 2026-11-25\):$/m);
    expect(r.stdout).toMatch(/^ {2}> Serverless Inference\s+\$2,478\.65$/m);
    expect(r.stdout).toMatch(/^ {4}Real-Time Inference \(ml\.m5\.large\)\s+\$[\d,.]+$/m);
    expect(r.stdout).toMatch(/^ {2}above about 9\.71M requests a day, Serverless Inference no longer fits/m);
    expect(r.stdout).toMatch(/^# Estimated cost: \$2,478\.65 a month \(Serverless Inference\):$/m);
    expect(r.stdout).toMatch(/MaxConcurrency: 110$/m); // Erlang B: 0.84% throttled at 92.6 in flight
  });

  it('JSON: options[].cost, recommendation.cost and prices; schemaVersion 2', () => {
    const { code, j } = json([...PER_REQUEST, '--requests', '5M/day']);
    expect(code).toBe(0);
    expect(j.schemaVersion).toBe(2);
    expect(j.prices).toMatchObject({ region: 'us-east-1', asOf: '2026-11-25' });
    expect(j.prices.source).toMatch(/built-in/);
    const serverless = j.options.find((o: { option: string }) => o.option === 'serverless');
    expect(serverless.cost).toMatchObject({ monthlyUsd: 2478.65 });
    expect(serverless.cost.breakdown[0]).toEqual({ item: expect.stringMatching(/^compute: /), usd: 2433.33 });
    expect(serverless.cost.assumptions.length).toBeGreaterThan(2);
    expect(j.recommendation.option).toBe('serverless');
    expect(j.recommendation.cost).toEqual(serverless.cost);
    expect(j.options.find((o: { option: string }) => o.option === 'batch-transform').cost).toBeNull();
    expect(j.breakEven.map((r: { option: string }) => r.option)).toEqual(['serverless', 'real-time']);
    expect(j.breakEven[0].toPerDay / 1e6).toBeCloseTo(9.706, 2);
    expect(j.recommendation.plan).toMatchObject({ option: 'serverless', serverless: { memoryMB: 1024, maxConcurrency: 110 } });
  });

  it('without --requests: the flowchart decides and nothing is priced', () => {
    const { code, j } = json(PER_REQUEST.filter((a, i, all) => !['--request-size', '--response-size'].includes(a) && !['--request-size', '--response-size'].includes(all[i - 1]!)));
    expect(code).toBe(0);
    expect(j.recommendation.option).toBe('real-time');
    expect(j.recommendation.cost).toBeNull();
    expect(j.prices).toBeNull();
    expect(j.options.every((o: { cost: unknown }) => o.cost === null)).toBe(true);
  });

  it.each([
    [['--requests', '5m/day'], /^deploy-advisor: error: --requests: "5m\/day" has an unknown suffix "m" \(write M for million\); use a count per period: N\/s, N\/min, N\/h, N\/day or N\/month/],
    [['--requests', '20'], /^deploy-advisor: error: --requests: "20" has no period; use a count per period/],
    [['--requests', '20/s', '--peak', '10/s'], /--peak: 10\/s is below the average --requests 20\/s/],
    [['--requests', '20/s', '--region', 'Ireland'], /--region: "Ireland" is not a Region code/],
    [['--requests', '20/s', '--prices', 'nowhere.json'], /cannot read price table .*nowhere\.json: no such file/],
  ])('bad traffic answers %j exit 2 with one line', (extra, message) => {
    const r = cli([...PER_REQUEST, ...extra], { env: { XDG_CACHE_HOME: cache() } });
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(message);
  });

  it('a Region without prices: costs unknown, a one-line hint, and the flowchart decides', () => {
    const { code, j, stderr } = json([...PER_REQUEST, '--requests', '5M/day', '--region', 'ap-northeast-1']);
    expect(code).toBe(0);
    expect(stderr).toBe('deploy-advisor: no prices for ap-northeast-1: costs are shown as unknown; run deploy-advisor prices update --region ap-northeast-1, or pass --prices FILE\n');
    expect(j.prices).toMatchObject({ region: 'ap-northeast-1', asOf: null });
    expect(j.options.every((o: { cost: unknown }) => o.cost === null)).toBe(true);
    expect(j.recommendation.option).toBe('real-time');
    expect(j.assumptions.join('\n')).toMatch(/costs are unknown for .* so the flowchart decides/);
  });

  it('--prices FILE prices with the table given', () => {
    const dir = cache();
    const file = join(dir, 'eu.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'deploy-advisor-prices',
        formatVersion: 1,
        region: 'eu-west-1',
        currency: 'USD',
        source: 'https://example.test/index.json',
        publicationDate: '2026-09-20T02:56:06Z',
        retrieved: '2026-11-25T00:00:00Z',
        hosting: { 'ml.m5.large': 0.128 },
        async: { 'ml.m5.large': 0.128 },
        batch: {},
        serverless: { '1024': 0.0000224 },
        provisionedConcurrency: {},
        provisionedInference: {},
        dataInPerGB: 0.016,
        dataOutPerGB: 0.016,
        storagePerGBMonth: 0.154,
      }),
    );
    const { code, j } = json([...PER_REQUEST, '--requests', '1k/day', '--prices', file]);
    expect(code).toBe(0);
    expect(j.prices).toEqual({ region: 'eu-west-1', asOf: '2026-09-20', source: 'https://example.test/index.json' });
    const rt = j.options.find((o: { option: string }) => o.option === 'real-time');
    expect(rt.cost.breakdown[0].usd).toBe(93.44); // 730 h x $0.128
  });

  it('capacity goes into the template: 1M/day at 200 ms with a 3 GB model', () => {
    const r = cli(
      ['recommend', '--no-batch', '--payload', '10KB', '--processing-time', '200ms', '--latency', '30s', '--traffic', 'sustained', '--model-size', '3GB', '--request-size', '10KB', '--response-size', '10KB', '--requests', '1M/day'],
      { env: { XDG_CACHE_HOME: cache() } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Recommendation: Real-Time Inference/m);
    expect(r.stdout).toMatch(/break-even: Serverless Inference is the cheapest below about 181k requests a day, Real-Time Inference above it/);
    expect(r.stdout).toMatch(/InitialInstanceCount: 2$/m);
    expect(r.stdout).toMatch(/MinCapacity: 2$/m);
    // The peak (x2) of 4.63 requests in flight needs 11 workers for under 1% to wait (Erlang C): 6 instances of 2.
    expect(r.stdout).toMatch(/Default: 6$/m);
  });

  it('batch: --deadline sets TransformResources.InstanceCount; an answers file key works too', () => {
    const dir = cache();
    const answers = join(dir, 'w.yaml');
    writeFileSync(answers, 'batch: true\npayload: 1MB\nprocessingTime: 500ms\ncontentType: text/csv\nrequests: 1M/day\ndeadline: 1h\n');
    const { code, j } = json(['recommend', '--answers', answers]);
    expect(code).toBe(0);
    expect(j.recommendation.option).toBe('batch-transform');
    const job = j.config.files.find((f: { name: string }) => f.name === 'create-transform-job.yaml').content;
    const n = Number(/InstanceCount: (\d+)/.exec(job)![1]);
    expect(n).toBe(j.options.find((o: { option: string }) => o.option === 'batch-transform').sizing.capacity.instanceCount);
    expect(n).toBeGreaterThan(1);
  });
});
