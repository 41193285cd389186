// recommend --requests must not contradict itself: the reasons, the cost table, "Other options",
// JSON options[] and the generated file's header say the same about which options fit, and
// money is written one way everywhere.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';
import { REASON_IDS } from '../../src/rules/reason';

const BASE = ['recommend', '--no-batch', '--no-gpu', '--requests', '5M/day', '--payload', '10KB', '--processing-time', '800ms', '--model-size', '500MB'];
const NAMES: Record<string, string> = { 'real-time': 'Real-Time Inference', serverless: 'Serverless Inference', async: 'Asynchronous Inference', 'batch-transform': 'Batch Transform' };

interface Run {
  text: string;
  j: {
    recommendation: { option: string; reasons: string[]; reasonIds: string[]; summary: string } | null;
    breakEven: Array<{ fromPerDay: number; toPerDay: number; option: string | null }>;
    options: Array<{ option: string; fits: boolean; cost: { monthlyUsd: number } | null; checks: Array<{ limit: string; pass: boolean; message: string }>; sizing: { variant: string | null; compared: boolean } }>;
    config: { files: Array<{ content: string }> } | null;
  };
}

function run(args: string[]): Run {
  const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'da-consistent-')) };
  const t = cli(args, { env });
  const j = cli([...args, '--format', 'json'], { env });
  expect(t.code, t.stderr).toBe(0);
  expect(j.code, j.stderr).toBe(0);
  return { text: t.stdout, j: JSON.parse(j.stdout) };
}

/** The checks every run must pass, whatever the workload. */
function expectConsistent({ text, j }: Run): void {
  const rec = j.recommendation!;
  const byOption = new Map(j.options.map((o) => [o.option, o]));
  // The recommended option fits, by JSON's own account.
  expect(byOption.get(rec.option)!.fits).toBe(true);
  const fitting = j.options.filter((o) => o.fits);
  for (const o of j.options) {
    // JSON: a cost only for an option that fits.
    if (!o.fits) expect(o.cost, o.option).toBeNull();
    // Cost table: "does not fit" exactly for the options JSON says do not fit.
    const row = text.split('\n').find((l) => new RegExp(`^ {2}[> ] ${NAMES[o.option]!.split(' ')[0]}[^:]*\\s{2}`).test(l))!;
    expect(row, o.option).toBeDefined();
    expect(/does not fit$/.test(row), `${o.option}: ${row}`).toBe(!o.fits);
    // Other options: ✓ exactly for the options that fit.
    if (o.option !== rec.option) {
      const line = text.split('\n').find((l) => /^ {2}[✓✗] /.test(l) && l.includes(NAMES[o.option]!.split(' ')[0]!))!;
      expect(line, o.option).toBeDefined();
      expect(line.startsWith('  ✓'), `${o.option}: ${line}`).toBe(o.fits);
    }
  }
  // "the only option that fits" only when it is.
  // Each reason has its declared id, in the same order (issue 9, item 3).
  expect(rec.reasonIds).toHaveLength(rec.reasons.length);
  for (const id of rec.reasonIds) expect(REASON_IDS).toContain(id);
  if (rec.reasonIds.includes('cost.only-fit')) expect(fitting.map((o) => o.option)).toEqual([rec.option]);
  // The header comment repeats the reasons and the summary.
  const header = j.config!.files[0]!.content;
  expect(header).toContain(`# ${rec.summary}`);
  for (const reason of rec.reasons) expect(header).toContain(`#   - ${reason}`);
  // One money format: thousands separated and cents, in the text and in the files.
  for (const out of [text, header]) {
    expect(out).not.toMatch(/\$\d{4,}/);
    for (const m of out.match(/\$[\d,]+(?:\.\d+)?(?!\/)(?=[\s),;:]|$)/gm) ?? []) if (!/\/(h|s|GB)/.test(m)) expect(m).toMatch(/^\$\d{1,3}(,\d{3})*\.\d\d$/);
  }
}

describe('recommend --requests says the same everywhere', () => {
  it('intermittent, 10 min: Serverless over its MaxConcurrency is ruled out in JSON, the table and Other options alike', () => {
    const r = run([...BASE, '--traffic', 'intermittent', '--latency', '10m']);
    expectConsistent(r);
    const serverless = r.j.options.find((o) => o.option === 'serverless')!;
    expect(serverless.fits).toBe(false);
    // peak 289/s x 800 ms = 231.5 in flight: even MaxConcurrency 200 throttles 16% (Erlang B), over the 1% policy.
    expect(serverless.checks.find((c) => c.limit === 'serverless.max-concurrency')).toMatchObject({
      pass: false,
      message: expect.stringMatching(/^at the peak \(289\/s x 800 ms = 231\.5 requests in flight\), even Serverless's MaxConcurrency limit of 200 throttles 16% of requests, more than the 1% the policy allows \(Erlang B\)$/),
    });
    expect(r.text).toMatch(/^ {2}✗ Serverless Inference: ruled out: at the peak \(289\/s x 800 ms/m);
    expect(r.j.recommendation!.summary).toMatch(/the flowchart alone would pick Serverless Inference, which does not fit this traffic: at the peak \(289\/s x 800 ms/);
    // Asynchronous fits (callers wait 10 min) but answers through a queue: not "the only option that fits".
    expect(r.j.recommendation!.reasons[0]).toMatch(/^the only option compared that fits: about \$3,042\.42 a month for 5M requests a day \(Asynchronous Inference also fits, but .*queue/);
    expect(r.text).toMatch(/^ {2}✓ Asynchronous Inference: fits, not compared on cost: Asynchronous Inference answers through a queue/m);
  });

  it('sustained, 10 min: Serverless is cheapest; Other options give the cost of the others, not "not the flowchart\'s pick"', () => {
    const r = run([...BASE, '--traffic', 'sustained', '--latency', '10m']);
    expectConsistent(r);
    expect(r.j.recommendation!.option).toBe('serverless');
    expect(r.text).toMatch(/^ {2}✓ Real-Time Inference: fits, about \$3,042\.42 a month \(\$563\.77 more\)$/m);
    expect(r.text).not.toMatch(/not the flowchart's pick/);
    // The passed capacity check is a reason, and --explain lists it with its source.
    expect(r.j.recommendation!.reasons).toContain("MaxConcurrency 110 throttles 0.84% of the peak's requests (116/s x 800 ms = 92.59 requests in flight; Erlang B, the policy allows 1%), within Serverless's limit of 200");
    const explain = cli([...BASE, '--traffic', 'sustained', '--latency', '10m', '--explain'], { env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'da-consistent-')) } });
    expect(explain.stdout).toMatch(/✓ MaxConcurrency 110 throttles .*\[serverless\.max-concurrency\]/);
  });

  it('intermittent, 2 s: Serverless with Provisioned Concurrency over the maximum is named, and nothing says Serverless fits', () => {
    const r = run([...BASE, '--traffic', 'intermittent', '--latency', '2s']);
    expectConsistent(r);
    expect(r.j.recommendation!.option).toBe('real-time');
    // The flowchart picks Serverless with Provisioned Concurrency (callers cannot wait out a cold start); the summary says it does not fit.
    expect(r.j.recommendation!.summary).toMatch(/the flowchart alone would pick Serverless Inference with Provisioned Concurrency, which does not fit this traffic: at the peak/);
    expect(r.text).toMatch(/^ {2}✗ Serverless Inference with Provisioned Concurrency: ruled out: at the peak \(289\/s/m);
  });

  it('sustained, 2 s, a low --peak: Provisioned Concurrency fits and is named as the recommendation everywhere', () => {
    const r = run([...BASE, '--traffic', 'sustained', '--latency', '2s', '--peak', '60/s']);
    expectConsistent(r);
    const serverless = r.j.options.find((o) => o.option === 'serverless')!;
    expect(serverless).toMatchObject({ fits: true, sizing: { variant: 'provisioned-concurrency' } });
    expect(serverless.checks.find((c) => c.limit === 'policy.cold-start-tolerance')).toMatchObject({ pass: true, message: expect.stringMatching(/Provisioned Concurrency/) });
    expect(r.text).toMatch(/^Recommendation: Serverless Inference with Provisioned Concurrency$/m);
    expect(r.j.config!.files[0]!.content).toMatch(/^# Generated by deploy-advisor: Serverless Inference with Provisioned Concurrency$/m);
  });

  it('intermittent, 10 min, --peak 300/s: the given peak rules Serverless out the same way', () => {
    const r = run([...BASE, '--traffic', 'intermittent', '--latency', '10m', '--peak', '300/s']);
    expectConsistent(r);
    expect(r.j.options.find((o) => o.option === 'serverless')!.fits).toBe(false);
  });

  it('batch: the per-request options fit but are not compared, and the reason says so', () => {
    const r = run(['recommend', '--batch', '--payload', '1MB', '--processing-time', '500ms', '--requests', '1M/day', '--deadline', '1h']);
    expectConsistent(r);
    expect(r.j.recommendation!.reasons[0]).toMatch(
      /^the only option compared that fits: .*Real-Time Inference, Serverless Inference and Asynchronous Inference also fit, but an offline job is compared only with the options that run offline\)$/,
    );
  });

  it("unknown prices: the flowchart's pick that does not fit the traffic is not recommended", () => {
    const r = run([...BASE, '--traffic', 'intermittent', '--latency', '10m', '--region', 'eu-west-3']);
    expectConsistent(r);
    expect(r.j.recommendation!.option).toBe('real-time');
    expect(r.text).toMatch(/costs are unknown for Real-Time Inference .*the flowchart's pick, Serverless Inference, does not fit this traffic, so the first option that fits is recommended/);
  });

  it('breakdown lines in the header comment use the same money format as the totals', () => {
    const r = run([...BASE, '--traffic', 'sustained', '--latency', '10m']);
    expect(r.j.config!.files[0]!.content).toMatch(/^# {3}- compute: .*: \$2,433\.33$/m);
  });
});

describe("issue 10's worked example: 5M requests a day at 800 ms, sustained, a CPU model (README figures)", () => {
  const at = (size: string) =>
    run([
      'recommend',
      '--no-batch',
      '--no-gpu',
      '--payload',
      '10KB',
      '--processing-time',
      '800ms',
      '--latency',
      '30s',
      '--traffic',
      'sustained',
      '--requests',
      '5M/day',
      '--request-size',
      '10KB',
      '--response-size',
      '10KB',
      '--model-size',
      size,
    ]);
  const cost = (r: Run, o: string) => r.j.options.find((x) => x.option === o)!.cost!.monthlyUsd;

  it.each([
    // 500MB: MaxConcurrency 200 throttles 1% at 179.7 in flight: a peak of 224.7/s, an average of 112.3/s, 9.71M a day.
    ['500MB', 'serverless', 2478.65, /above about 9\.71M requests a day, Serverless Inference no longer fits/, ['serverless', 'real-time']],
    // 1.5GB: one ml.m5.large ($88.15) equals Serverless at 90.6k a day; it holds 151,200 a day; two cost what Serverless costs at 181k.
    ['1.5GB', 'real-time', 4911.99, /^Real-Time Inference stays the cheapest from a tenth to ten times this volume \(500k requests a day to 50M requests a day\)$/, ['serverless', 'real-time', 'serverless', 'real-time']],
    ['3GB', 'real-time', 9778.65, /^Real-Time Inference stays the cheapest from a tenth to ten times this volume/, ['serverless', 'real-time']],
  ] as const)('--model-size %s: %s is recommended, Serverless costs $%s, and the break-even line is shown', (size, option, serverless, line, regions) => {
    const r = at(size);
    expectConsistent(r);
    expect(r.j.recommendation!.option).toBe(option);
    expect(cost(r, 'serverless')).toBe(serverless);
    expect(cost(r, 'real-time')).toBe(3042.42);
    // The break-even reason is found by its id, not its wording; JSON's breakEven lists the regions.
    const rec = r.j.recommendation!;
    const i = rec.reasonIds.findIndex((id) => id === 'cost.break-even' || id === 'cost.no-longer-fits' || id === 'cost.stays-cheaper');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(rec.reasons[i]).toMatch(line);
    expect(r.j.breakEven.map((x) => x.option)).toEqual(regions);
    expect(r.text).toMatch(new RegExp(`^ {2}${line.source.replace(/^\^/, '').replace(/\$$/, '')}`, 'm'));
  });
});
