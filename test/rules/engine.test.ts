import { advise } from '../../src/rules/advise/decide';
import { BUILTIN_PRICES, instancePrice } from '../../src/rules/facts/prices';
import { describe, expect, it } from 'vitest';
import { assess as assessEngine, type Assessment, type Recommendation } from '../../src/rules/advise/engine';
import { serverlessMemoryMB } from '../../src/rules/advise/options/serverless';
import type { Architecture } from '../../src/rules/plan/types';
import { REASON_IDS, type Reason } from '../../src/rules/reason';
import { limit, limitBytes, limitEntry, type OptionId } from '../../src/rules/facts/limits';
import type { Workload } from '../../src/rules/workload';

// Every reason any test here gets from the engine, checked against the declared ids at the end.
const emitted: Reason[] = [];
function assess(w: Workload): Assessment {
  const a = assessEngine(w);
  emitted.push(...(a.recommendation?.reasons ?? []));
  return a;
}
const texts = (r: Recommendation) => r.reasons.map((x) => x.text).join('\n');
const ids = (r: Recommendation) => r.reasons.map((x) => x.id);

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** A small per-request workload with sustained traffic; cases change what they test. */
function wl(over: Partial<Workload> = {}): Workload {
  return {
    batch: false,
    payloadBytes: 1_000_000,
    processingSeconds: 1,
    latencySeconds: 30,
    traffic: 'sustained',
    streaming: false,
    modelSizeBytes: null,
    gpu: false,
    models: 1,
    frameworks: 1,
    pipeline: 1,
    contentType: null,
    ...over,
  };
}
const batch = (over: Partial<Workload> = {}) => wl({ batch: true, latencySeconds: null, traffic: null, ...over });
const intermittent = (over: Partial<Workload> = {}) => wl({ traffic: 'intermittent', ...over });

const RT_PAYLOAD = limit('real-time.payload');
const SL_PAYLOAD = limit('serverless.payload');
const RT_TIME = limit('real-time.invocation-timeout');
const ASYNC_PAYLOAD = limitBytes('async.payload');
const ASYNC_TIME = limit('async.invocation-timeout');
const BATCH_PAYLOAD = limitBytes('batch-transform.payload');
const BATCH_TIME = limit('batch-transform.invocation-timeout');
const COLD = limit('policy.cold-start-tolerance');
const ASYNC_OVERHEAD = limit('policy.async-overhead');
const MAX_CONTAINERS = limit('serial-pipeline.containers-max');
// The largest model Serverless takes: its memory maximum divided by the headroom factor.
const SL_MODEL_MAX = Math.floor(limitBytes('serverless.memory-max') / limit('policy.memory-headroom'));

type Expect = [OptionId, Architecture] | null;

const CASES: Array<[string, Workload, Expect]> = [
  // Per-request branches
  ['sustained traffic, small payload', wl(), ['real-time', 'single-model']],
  ['intermittent traffic that serverless carries', intermittent(), ['serverless', 'single-model']],
  ['unpredictable traffic that serverless carries', wl({ traffic: 'unpredictable' }), ['serverless', 'single-model']],
  // A GPU rules out Serverless; inference components let Real-Time scale to zero instead (issue 14).
  ['intermittent traffic but a GPU, callers need answers in 30 s: no scale to zero, a warm instance', intermittent({ gpu: true }), ['real-time', 'single-model']],
  ['intermittent traffic but a GPU, callers retry for 10 min: inference components that scale to zero', intermittent({ gpu: true, latencySeconds: 600 }), ['real-time', 'inference-components']],
  ['unpredictable traffic, a GPU and a pipeline: no components', wl({ traffic: 'unpredictable', gpu: true, pipeline: 2 }), ['real-time', 'serial-pipeline']],
  ['intermittent traffic, strict latency: Serverless with Provisioned Concurrency (no cold start)', intermittent({ latencySeconds: 0.2, processingSeconds: 0.05 }), ['serverless', 'single-model']],
  ['latency just below the cold-start tolerance: Serverless with Provisioned Concurrency', intermittent({ latencySeconds: COLD - 0.001 }), ['serverless', 'single-model']],
  ['latency at the cold-start tolerance', intermittent({ latencySeconds: COLD }), ['serverless', 'single-model']],
  ['callers can wait: async', wl({ latencySeconds: null }), ['async', 'single-model']],
  // Real-time payload boundary (6 MiB)
  ['payload just below the real-time limit', wl({ payloadBytes: RT_PAYLOAD - 1 }), ['real-time', 'single-model']],
  ['payload at the real-time limit', wl({ payloadBytes: RT_PAYLOAD }), ['real-time', 'single-model']],
  ['payload just above the real-time limit', wl({ payloadBytes: RT_PAYLOAD + 1 }), ['async', 'single-model']],
  // Serverless payload boundary (4 MiB)
  ['intermittent, payload at the serverless limit', intermittent({ payloadBytes: SL_PAYLOAD }), ['serverless', 'single-model']],
  ['intermittent, payload just above the serverless limit', intermittent({ payloadBytes: SL_PAYLOAD + 1 }), ['real-time', 'single-model']],
  // Processing-time boundary (60 s)
  ['processing just below 60 s', wl({ processingSeconds: RT_TIME - 0.001, latencySeconds: RT_TIME }), ['real-time', 'single-model']],
  ['processing at 60 s', wl({ processingSeconds: RT_TIME, latencySeconds: RT_TIME }), ['real-time', 'single-model']],
  ['processing just above 60 s', wl({ processingSeconds: RT_TIME + 0.001, latencySeconds: 120 }), ['async', 'single-model']],
  ['intermittent, processing at 60 s', intermittent({ processingSeconds: RT_TIME, latencySeconds: RT_TIME }), ['serverless', 'single-model']],
  // Serverless model size (memory maximum with headroom)
  ['intermittent, model at the serverless maximum', intermittent({ modelSizeBytes: SL_MODEL_MAX }), ['serverless', 'single-model']],
  ['intermittent, model just above the serverless maximum', intermittent({ modelSizeBytes: SL_MODEL_MAX + 1 }), ['real-time', 'single-model']],
  ['intermittent, model bigger than 6 GB', intermittent({ modelSizeBytes: 7e9 }), ['real-time', 'single-model']],
  // Async payload (1 GiB) and time (1 h)
  ['payload at the async limit', wl({ payloadBytes: ASYNC_PAYLOAD, latencySeconds: null }), ['async', 'single-model']],
  ['payload just above the async limit', wl({ payloadBytes: ASYNC_PAYLOAD + 1, latencySeconds: null }), null],
  ['processing at the async limit', wl({ processingSeconds: ASYNC_TIME, latencySeconds: null }), ['async', 'single-model']],
  ['processing just above the async limit', wl({ processingSeconds: ASYNC_TIME + 1, latencySeconds: null }), null],
  ['async with a latency callers can meet', wl({ payloadBytes: 100e6, processingSeconds: 120, latencySeconds: 300 }), ['async', 'single-model']],
  ['async with a latency shorter than processing', wl({ processingSeconds: 120, latencySeconds: 90 }), null],
  // Latency against processing
  ['latency equal to processing', wl({ processingSeconds: 2, latencySeconds: 2 }), ['real-time', 'single-model']],
  ['latency shorter than processing', wl({ processingSeconds: 2, latencySeconds: 1 }), null],
  // Architectures
  ['many models of one framework', wl({ models: 200 }), ['real-time', 'multi-model']],
  ['many models on GPU', wl({ models: 50, gpu: true }), ['real-time', 'multi-model']],
  ['GPU models that fit one GPU of a multi-model endpoint', wl({ models: 50, gpu: true, modelSizeBytes: 2e9 }), ['real-time', 'multi-model']],
  ['GPU models too large for a GPU multi-model endpoint', wl({ models: 3, gpu: true, modelSizeBytes: 30e9 }), ['real-time', 'inference-components']],
  ['GPU models in different containers', wl({ models: 3, frameworks: 2, gpu: true }), ['real-time', 'inference-components']],
  ['CPU models in different containers stay multi-container', wl({ models: 3, frameworks: 2 }), ['real-time', 'multi-container']],
  ['intermittent traffic with many models', intermittent({ models: 5 }), ['real-time', 'multi-model']],
  ['three frameworks', wl({ models: 3, frameworks: 3 }), ['real-time', 'multi-container']],
  ['15 frameworks', wl({ models: 15, frameworks: MAX_CONTAINERS }), ['real-time', 'multi-container']],
  ['16 frameworks', wl({ models: 16, frameworks: MAX_CONTAINERS + 1 }), null],
  ['pipeline of 2', wl({ pipeline: 2 }), ['real-time', 'serial-pipeline']],
  ['pipeline of 15', wl({ pipeline: MAX_CONTAINERS }), ['real-time', 'serial-pipeline']],
  ['pipeline of 16', wl({ pipeline: MAX_CONTAINERS + 1 }), null],
  ['intermittent traffic with a pipeline', intermittent({ pipeline: 3 }), ['real-time', 'serial-pipeline']],
  // Async first, but ruled out: the next option that fits (issue 11, item 1)
  ['callers can wait, many models: async cannot pick a model, real-time can', wl({ models: 5, latencySeconds: null }), ['real-time', 'multi-model']],
  ['callers can wait, many models, intermittent: serverless cannot either', intermittent({ models: 5, latencySeconds: null }), ['real-time', 'multi-model']],
  ['callers can wait, three frameworks: real-time multi-container', wl({ models: 3, frameworks: 3, latencySeconds: null }), ['real-time', 'multi-container']],
  ['async with many models and payloads only async takes', wl({ models: 5, payloadBytes: 50e6, latencySeconds: null }), null],
  // Async never as a multi-container endpoint (issue 11, item 3)
  ['three frameworks, 50 MB payloads, callers can wait', wl({ models: 3, frameworks: 3, payloadBytes: 50e6, processingSeconds: 300, latencySeconds: null }), null],
  // Async answer times (issue 11, item 2)
  ['async overhead: latency at processing plus overhead', wl({ payloadBytes: 10e6, processingSeconds: 1, latencySeconds: 1 + ASYNC_OVERHEAD }), ['async', 'single-model']],
  ['async overhead: latency just below processing plus overhead', wl({ payloadBytes: 10e6, processingSeconds: 1, latencySeconds: 1 + ASYNC_OVERHEAD - 0.001 }), null],
  ['async with a pipeline', wl({ pipeline: 3, payloadBytes: 50e6, latencySeconds: null }), ['async', 'serial-pipeline']],
  // Batch
  ['batch job', batch(), ['batch-transform', 'single-model']],
  ['batch record at 100 MB', batch({ payloadBytes: BATCH_PAYLOAD }), ['batch-transform', 'single-model']],
  ['batch record just above 100 MB: async takes it', batch({ payloadBytes: BATCH_PAYLOAD + 1 }), ['async', 'single-model']],
  ['batch record above 1 GiB', batch({ payloadBytes: 2e9 }), null],
  ['batch processing at 3600 s', batch({ processingSeconds: BATCH_TIME }), ['batch-transform', 'single-model']],
  ['batch processing above 3600 s', batch({ processingSeconds: BATCH_TIME + 1 }), null],
  ['batch with a pipeline', batch({ pipeline: 3 }), ['batch-transform', 'serial-pipeline']],
  ['batch with a pipeline of 16', batch({ pipeline: MAX_CONTAINERS + 1 }), null],
  ['batch with a GPU', batch({ gpu: true }), ['batch-transform', 'single-model']],
];

describe('engine: the flowchart over a table of workloads', () => {
  it('has at least 30 workloads', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s', (_name, workload, expected) => {
    const a = assess(workload);
    if (expected === null) {
      expect(a.recommendation).toBeNull();
      expect(a.advice.length).toBeGreaterThan(0);
    } else {
      expect(a.recommendation).not.toBeNull();
      expect([a.recommendation!.option, a.recommendation!.architecture]).toEqual(expected);
      expect(a.advice).toEqual([]);
      // The pick always fits every limit it was held against.
      expect(a.options.find((o) => o.option === expected[0])!.fits).toBe(true);
    }
    expect(a.options.map((o) => o.option)).toEqual(['real-time', 'serverless', 'async', 'batch-transform']);
  });
});

function check(w: Workload, option: OptionId, id: string) {
  const c = assess(w)
    .options.find((o) => o.option === option)!
    .checks.find((x) => x.limit === id);
  if (!c) throw new Error(`no check ${id} on ${option}`);
  return c;
}

describe('engine: checks at each boundary', () => {
  it.each([
    ['real-time', 'real-time.payload', (v: number) => wl({ payloadBytes: v }), RT_PAYLOAD],
    ['serverless', 'serverless.payload', (v: number) => wl({ payloadBytes: v }), SL_PAYLOAD],
    ['async', 'async.payload', (v: number) => wl({ payloadBytes: v }), ASYNC_PAYLOAD],
    ['batch-transform', 'batch-transform.payload', (v: number) => batch({ payloadBytes: v }), BATCH_PAYLOAD],
    ['real-time', 'real-time.invocation-timeout', (v: number) => wl({ processingSeconds: v, latencySeconds: 7200 }), RT_TIME],
    ['serverless', 'serverless.invocation-timeout', (v: number) => wl({ processingSeconds: v, latencySeconds: 7200 }), limit('serverless.invocation-timeout')],
    ['async', 'async.invocation-timeout', (v: number) => wl({ processingSeconds: v, latencySeconds: null }), ASYNC_TIME],
    ['batch-transform', 'batch-transform.invocation-timeout', (v: number) => batch({ processingSeconds: v }), BATCH_TIME],
    ['real-time', 'serial-pipeline.containers-max', (v: number) => wl({ pipeline: v }), MAX_CONTAINERS],
    ['real-time', 'multi-container.containers', (v: number) => wl({ models: v, frameworks: v }), limit('multi-container.containers')],
  ] as const)('%s %s: below and at pass, above fails', (option, id, make, max) => {
    const step = Number.isInteger(max) ? 1 : 0.001;
    expect(check(make(max - step), option, id).pass).toBe(true);
    const at = check(make(max), option, id);
    expect(at).toMatchObject({ pass: true, value: max, limitValue: max, source: limitEntry(id).source });
    const above = check(make(max + step), option, id);
    expect(above.pass).toBe(false);
    expect(above.message).toMatch(/exceeds/);
  });

  it('serverless memory: the headroom policy decides the largest model', () => {
    expect(check(intermittent({ modelSizeBytes: SL_MODEL_MAX }), 'serverless', 'serverless.memory-max').pass).toBe(true);
    const over = check(intermittent({ modelSizeBytes: SL_MODEL_MAX + 1 }), 'serverless', 'serverless.memory-max');
    expect(over.pass).toBe(false);
    expect(over.limitValue).toBe(6 * GiB);
  });

  it('serverless memory steps: the smallest step that holds the model with headroom', () => {
    expect(serverlessMemoryMB(null)).toBe(1024);
    expect(serverlessMemoryMB(100 * MiB)).toBe(1024);
    expect(serverlessMemoryMB(1024 * MiB)).toBe(2048); // 1 GiB x 1.2 needs the 2 GB step
    expect(serverlessMemoryMB(SL_MODEL_MAX)).toBe(6144);
    expect(serverlessMemoryMB(SL_MODEL_MAX + 1)).toBeNull();
  });

  it('every check names a table limit with its source, or is a workload check without one', () => {
    const a = assess(wl({ models: 3, frameworks: 2, gpu: true, modelSizeBytes: GiB }));
    for (const o of a.options) {
      for (const c of o.checks) {
        if (c.limit.startsWith('workload.')) expect(c.source).toBeNull();
        else expect(c.source).toBe(limitEntry(c.limit as never).source);
        expect(c.message.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('engine: explanations and advice', () => {
  it('a GPU model whose callers cannot wait out a scale-out from zero keeps a warm instance, and says why (issue 19)', () => {
    const r = assess(intermittent({ gpu: true, latencySeconds: 1 })).recommendation!;
    expect([r.option, r.architecture]).toEqual(['real-time', 'single-model']);
    expect(ids(r)).toContain('ic.no-scale-to-zero');
    expect(ids(r)).not.toContain('ic.scale-to-zero');
    expect(texts(r)).toMatch(/callers need answers within 1 s: scaling to zero would fail requests for several minutes .* about 5 min\), so one instance stays warm/);
    // Several GPU models keep their inference components, with a warm copy each.
    const several = assess(intermittent({ gpu: true, models: 2, frameworks: 2, latencySeconds: 1 })).recommendation!;
    expect([several.architecture, several.scaleToZero]).toEqual(['inference-components', false]);
    expect(ids(several)).toContain('ic.no-scale-to-zero');
  });

  it("the hosting FAQ's payroll chatbot: Serverless with one unit of Provisioned Concurrency when only a cold start rules it out (issue 21)", () => {
    const a = assess(intermittent({ payloadBytes: 20_000, processingSeconds: 0.8, latencySeconds: 5, modelSizeBytes: 500e6 }));
    const r = a.recommendation!;
    expect([r.option, r.provisioned]).toEqual(['serverless', true]);
    expect(r.summary).toMatch(/^Serverless Inference with Provisioned Concurrency: /);
    expect(ids(r)).toContain('serverless.provisioned');
    expect(texts(r)).toMatch(/less than a cold start \(up to 3 min\): one unit of Provisioned Concurrency keeps an instance warm/);
    // Every output says Serverless fits: the cold start is met by the warm unit.
    expect(a.options.find((o) => o.option === 'serverless')!.fits).toBe(true);
    // A GPU still rules Serverless out.
    expect(assess(intermittent({ gpu: true, latencySeconds: 5 })).recommendation!.option).toBe('real-time');
  });

  it('serverless ruled out by a GPU says so in the real-time reasons', () => {
    const r = assess(intermittent({ gpu: true, latencySeconds: 600 })).recommendation!;
    expect(ids(r)).toContain('ic.scale-to-zero');
    expect(texts(r)).toMatch(/the model needs a GPU, which Serverless does not offer/);
  });

  it('scale to zero on GPU states the warm cost of the plan it deploys, from the price table, and the cold start', () => {
    const w = intermittent({ gpu: true, modelSizeBytes: 16e9, latencySeconds: 600 });
    const advice = advise({ workload: w, deployment: {}, prices: BUILTIN_PRICES, answers: null });
    const rec = advice.recommendation!;
    const type = advice.plan!.instanceType!;
    const hourly = instancePrice(BUILTIN_PRICES, 'hosting', type)!.usd;
    expect(rec.reasons.find((x) => x.id === 'ic.warm-cost')!.data).toMatchObject({ instanceType: type, hours: 730, usdPerHour: hourly, monthlyUsd: hourly * 730 });
    expect(ids(rec)).toContain('ic.cold-start');
    const r = texts(rec);
    expect(r).toMatch(new RegExp(`keeping one ${type.replace(/\./g, '\\.')} warm costs about \\$[\\d,]+\\.\\d\\d a month \\(730 h at \\$[\\d.]+/h`));
    expect(r).toMatch(/cold start: .*HTTP 400, not queued.*about 5 min/);
  });

  it('sustained GPU models with their own resources keep warm copies, with no cold start', () => {
    const r = assess(wl({ models: 3, gpu: true, modelSizeBytes: 30e9 })).recommendation!;
    expect(ids(r)[0]).toBe('ic.gpu-memory');
    expect(texts(r)).toMatch(/more than the single GPU \([\d.]+ GB\) a GPU multi-model endpoint runs on/);
    expect(ids(r)).not.toContain('ic.cold-start');
    expect(texts(r)).not.toMatch(/cold start/);
  });

  it('multi-model on GPU mentions Triton', () => {
    const r = assess(wl({ models: 50, gpu: true })).recommendation!;
    expect(ids(r)).toContain('arch.multi-model-gpu');
    expect(texts(r)).toMatch(/Triton/);
  });

  it('a payload between 6 MiB and the documented 25 MB explains the conflict', () => {
    const c = check(wl({ payloadBytes: 10e6 }), 'real-time', 'real-time.payload');
    expect(c.pass).toBe(false);
    expect(c.message).toMatch(/current docs allow up to 25 MiB, but the API model still enforces 6 MiB/);
  });

  it('async above 15 min tells to set InvocationTimeoutSeconds', () => {
    const r = assess(wl({ processingSeconds: 20 * 60, latencySeconds: null })).recommendation!;
    expect(r.option).toBe('async');
    expect(r.reasons.find((x) => x.id === 'limits.timeout-default')).toMatchObject({ data: { option: 'async', processingSeconds: 1200 } });
    expect(texts(r)).toMatch(/InvocationTimeoutSeconds/);
  });

  it('a video too big for async: split the payload', () => {
    expect(assess(wl({ payloadBytes: 5e9, latencySeconds: null })).advice.join('\n')).toMatch(/Split each payload below 1 GiB/);
  });

  it('processing beyond 1 h: bring it down or use a job', () => {
    expect(assess(wl({ processingSeconds: 7200, latencySeconds: null })).advice.join('\n')).toMatch(/below 1 h/);
  });

  it('latency shorter than processing: faster model or --latency none', () => {
    expect(assess(wl({ processingSeconds: 5, latencySeconds: 1 })).advice.join('\n')).toMatch(/\{\{flag:latency\}\} none/);
  });

  it('pipeline too long: shorten it', () => {
    expect(assess(wl({ pipeline: 20 })).advice.join('\n')).toMatch(/Shorten the pipeline to at most 15/);
  });

  it('too many frameworks: spread them', () => {
    expect(assess(wl({ models: 20, frameworks: 20 })).advice.join('\n')).toMatch(/at most 15 containers/);
  });

  it('batch records over 100 MB and 1 GiB: split records or stream', () => {
    expect(assess(batch({ payloadBytes: 2e9 })).advice.join('\n')).toMatch(/Split records below 100 MiB.*MaxPayloadInMB to 0/);
  });

  it('batch CSV input splits by line', () => {
    const r = assess(batch({ contentType: 'text/csv' })).recommendation!;
    expect(ids(r)).toContain('batch.csv');
    expect(texts(r)).toMatch(/SplitType Line/);
    expect(ids(assess(batch()).recommendation!)).not.toContain('batch.csv');
  });

  it('batch over several models runs one job per model', () => {
    const r = assess(batch({ models: 3 })).recommendation!;
    expect(r.reasons.find((x) => x.id === 'batch.per-model')).toMatchObject({ data: { models: 3 } });
    expect(texts(r)).toMatch(/one transform job per model/);
  });

  it('async cannot host many models: one endpoint per model', () => {
    expect(assess(wl({ models: 4, payloadBytes: 50e6, latencySeconds: null })).advice.join('\n')).toMatch(/one Asynchronous endpoint per model \(4\)/);
  });

  it('batch output says MiB for MaxPayloadInMB everywhere, as the checks do', () => {
    const a = assess(batch({ payloadBytes: 2e6 }));
    const text = [...a.recommendation!.reasons.map((x) => x.text), ...a.options.flatMap((o) => o.checks.map((c) => c.message))].join('\n');
    expect(text).toMatch(/at most 100 MiB/);
    expect(text).not.toMatch(/100 MB\b/);
  });
});

describe('engine: a fallback when the preferred option is out (issue 11, item 1)', () => {
  it('callers can wait but async cannot take many models: real-time, saying why async was passed over', () => {
    const a = assess(wl({ payloadBytes: 2e6, processingSeconds: 1, latencySeconds: null, models: 3 }));
    expect(a.recommendation).toMatchObject({ option: 'real-time', architecture: 'multi-model' });
    expect(ids(a.recommendation!)[0]).toBe('async.ruled-out');
    const why = texts(a.recommendation!);
    expect(why).toMatch(/Asynchronous Inference would come first, but it is ruled out: 3 models: a multi-model endpoint cannot be invoked asynchronously/);
    expect(why).not.toMatch(/null|undefined/);
    expect(a.options.find((o) => o.option === 'async')!.checks.find((c) => c.limit === 'async.multi-model')!.source).toMatch(/API_runtime_InvokeEndpointAsync/);
  });

  it('intermittent traffic, callers can wait, many models: neither async nor serverless, so real-time (no null latency in its reasons)', () => {
    const a = assess(intermittent({ latencySeconds: null, models: 3 }));
    expect(a.recommendation!.option).toBe('real-time');
    expect(texts(a.recommendation!)).not.toMatch(/null|undefined/);
  });

  it('whatever the workload: nothing is recommended only when no option fits, and the pick always fits', () => {
    const sizes = [1e3, 2e6, 5 * MiB, 10e6, 200e6, 2e9];
    const times = [0.01, 1, 30, 90, 1200, 7200];
    const latencies = [null, 0.1, 2, 30, 600];
    for (const payloadBytes of sizes)
      for (const processingSeconds of times)
        for (const latencySeconds of latencies) {
          for (const traffic of ['sustained', 'intermittent'] as const)
            for (const [models, frameworks, pipeline] of [
              [1, 1, 1],
              [3, 1, 1],
              [3, 3, 1],
              [1, 1, 3],
              [20, 20, 1],
            ]) {
              for (const batchJob of [false, true]) {
                const w = batchJob ? batch({ payloadBytes, processingSeconds, models, frameworks, pipeline }) : wl({ payloadBytes, processingSeconds, latencySeconds, traffic, models, frameworks, pipeline });
                const a = assess(w);
                const anyFits = a.options.some((o) => o.fits && (o.option !== 'batch-transform' || w.batch));
                const label = JSON.stringify(w);
                expect(a.recommendation !== null, label).toBe(anyFits);
                if (a.recommendation) {
                  expect(a.options.find((o) => o.option === a.recommendation!.option)!.fits, label).toBe(true);
                  // Never an architecture the option cannot invoke.
                  if (a.recommendation.option === 'async') expect(['single-model', 'serial-pipeline'], label).toContain(a.recommendation.architecture);
                } else {
                  expect(a.advice.length, label).toBeGreaterThan(0);
                }
              }
            }
        }
  });
});

describe('engine: async and short answer times (issue 11, item 2)', () => {
  it('2 KB, 10 ms, answers within 100 ms: async does not fit, because of the queue, S3 and notification overhead', () => {
    const a = assess(wl({ payloadBytes: 2e3, processingSeconds: 0.01, latencySeconds: 0.1 }));
    const async = a.options.find((o) => o.option === 'async')!;
    expect(async.fits).toBe(false);
    const c = async.checks.find((x) => x.limit === 'policy.async-overhead')!;
    expect(c).toMatchObject({ pass: false, limitValue: 0.1, source: limitEntry('policy.async-overhead').source });
    expect(c.message).toMatch(/10 ms plus about 5 s of queue, S3 and notification overhead is longer than the 100 ms/);
    expect(a.recommendation!.option).toBe('real-time');
  });

  it('the overhead is a policy entry with its reasoning', () => {
    const e = limitEntry('policy.async-overhead');
    expect(e).toMatchObject({ option: 'policy', unit: 'seconds' });
    expect(e.note).toMatch(/S3.*queue.*SNS/s);
  });

  it('an answer time async cannot meet, but could with --latency none: the advice says how long callers would have to wait', () => {
    const advice = assess(wl({ payloadBytes: 10e6, processingSeconds: 1, latencySeconds: 2 })).advice.join('\n');
    expect(advice).toMatch(/if callers could wait at least 6 s/);
  });
});

describe('engine: never an architecture async cannot invoke (issue 11, item 3)', () => {
  it('three frameworks, 50 MB, 5 min, callers can wait: nothing fits, and the advice says one async endpoint per framework or a pipeline', () => {
    const a = assess(wl({ models: 3, frameworks: 3, payloadBytes: 50e6, processingSeconds: 300, latencySeconds: null }));
    expect(a.recommendation).toBeNull();
    const async = a.options.find((o) => o.option === 'async')!;
    expect(async.checks.find((c) => c.limit === 'async.multi-container')).toMatchObject({ pass: false, source: expect.stringMatching(/API_runtime_InvokeEndpointAsync/) });
    const advice = a.advice.join('\n');
    expect(advice).toMatch(/one Asynchronous endpoint per framework \(3\)/);
    expect(advice).toMatch(/serial inference pipeline \(\{\{flag:pipeline\}\} 3\)/);
  });

  it('more models than frameworks: one endpoint per model, since async cannot be multi-model either', () => {
    const advice = assess(wl({ models: 6, frameworks: 3, payloadBytes: 50e6, latencySeconds: null })).advice.join('\n');
    expect(advice).toMatch(/one Asynchronous endpoint per model \(6/);
  });

  it('a serial pipeline is still fine for async', () => {
    expect(assess(wl({ pipeline: 3, payloadBytes: 50e6, latencySeconds: null })).recommendation).toMatchObject({ option: 'async', architecture: 'serial-pipeline' });
  });
});

describe('engine: hints only where they are possible (issue 11, item 7)', () => {
  const rtCheck = (w: Workload, id: string) =>
    assess(w)
      .options.find((o) => o.option === 'real-time')!
      .checks.find((c) => c.limit === id)!;

  it('"Asynchronous Inference takes larger payloads" only when async fits', () => {
    expect(rtCheck(wl({ payloadBytes: 10e6, latencySeconds: null }), 'real-time.payload').message).toMatch(/Asynchronous Inference takes larger payloads/);
    // Async is out too (an answer time it cannot meet): no such hint.
    expect(rtCheck(wl({ payloadBytes: 10e6, processingSeconds: 0.01, latencySeconds: 0.1 }), 'real-time.payload').message).not.toMatch(/Asynchronous/);
    expect(rtCheck(wl({ processingSeconds: 7200, latencySeconds: null }), 'real-time.invocation-timeout').message).not.toMatch(/Asynchronous/);
  });

  it('with --gpu, "make the model faster" does not suggest a GPU', () => {
    const advice = assess(wl({ gpu: true, processingSeconds: 5, latencySeconds: 1 })).advice.join('\n');
    expect(advice).toMatch(/make the model faster \(a larger or newer GPU instance/);
    expect(advice).not.toMatch(/\(GPU,|a GPU,/);
    const cpu = assess(wl({ processingSeconds: 5, latencySeconds: 1 })).advice.join('\n');
    expect(cpu).toMatch(/a GPU, a larger instance/);
  });

  it('"--latency none" is suggested only when async would then fit', () => {
    expect(assess(wl({ processingSeconds: 5, latencySeconds: 1 })).advice.join('\n')).toMatch(/\{\{flag:latency\}\} none/);
    expect(assess(wl({ processingSeconds: 5, latencySeconds: 1, payloadBytes: 2e9 })).advice.join('\n')).not.toMatch(/\{\{flag:latency\}\} none/);
  });

  it('split payloads: Real-Time is named only when the processing time fits it', () => {
    const long = assess(wl({ payloadBytes: 5e9, processingSeconds: 20 * 60, latencySeconds: null })).advice.join('\n');
    expect(long).toMatch(/send the parts to an Asynchronous endpoint/);
    expect(long).not.toMatch(/Real-Time/);
    const short = assess(wl({ payloadBytes: 5e9, processingSeconds: 1, latencySeconds: null })).advice.join('\n');
    expect(short).toMatch(/parts below 6 MiB can go to Real-Time/);
  });
});

// Runs last (tests in a file run in order): every reason the workloads above drew from the engine.
describe('engine: reasons are structured (issue 9, item 3)', () => {
  it("every reason the engine emitted over this file's workloads has a declared id and prose", () => {
    expect(new Set(REASON_IDS).size).toBe(REASON_IDS.length);
    expect(emitted.length).toBeGreaterThan(100);
    for (const r of emitted) {
      expect(REASON_IDS).toContain(r.id);
      expect(r.text).toMatch(/\S/);
      expect(r.text).not.toMatch(/undefined|NaN|\[object Object\]/);
      for (const v of Object.values(r.data ?? {})) expect(typeof v === 'string' || Number.isFinite(v)).toBe(true);
    }
    // The workloads reach the flowchart's main branches.
    const kinds = new Set(emitted.map((r) => r.id));
    for (const id of ['limits.fit', 'traffic.intermittent', 'traffic.sustained', 'async.queue', 'batch.up-front', 'ic.invoke', 'arch.multi-model']) expect(kinds).toContain(id);
  });
});
