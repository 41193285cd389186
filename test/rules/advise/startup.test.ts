// Issue 24's pure pieces, hand-computed: 20 s per GB (policy.model-load-throughput x policy.startup-load-factor), timeouts at
// 1.5 x the estimate (policy.startup-headroom) when that passes the 8-minute window, 60-3600 s.
import { describe, expect, it } from 'vitest';
import { serverlessStartup, startupEstimate, startupTimeouts, storedModelBytes, volumeSizeGB } from '../../../src/rules/advise/startup';
import { quotaLine, quotasFor } from '../../../src/rules/facts/quotas';
import { limit, limitEntry } from '../../../src/rules/facts/limits';

const GB = 1e9;
const GIB = 1024 ** 3;

describe('the limits table holds what start-up uses', () => {
  it('the platform window, the 60-3600 range and the volume range are documented entries with sources', () => {
    expect(limit('model.startup-window')).toBe(8 * 60);
    expect(limitEntry('model.startup-window').source).toBe('https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-inference-code.html');
    expect([limit('model.startup-timeout-min'), limit('model.startup-timeout-max')]).toEqual([60, 3600]);
    expect([limit('model.volume-size-min'), limit('model.volume-size-max')]).toEqual([1, 512]);
    expect(limitEntry('policy.model-load-throughput').note).toMatch(/Qwen3-8B .* 168 s/);
    expect(limit('policy.startup-load-factor')).toBe(2);
  });
});

describe('start-up estimate: size in GB x 20 s', () => {
  it.each([
    [1, 20],
    [20, 400],
    [60, 1200],
    [140, 2800],
  ])('%d GB: %d s', (gb, seconds) => {
    expect(startupEstimate(gb * GB)).toEqual({ modelBytes: gb * GB, seconds, secondsPerGB: 20 });
  });

  it('rounds up to a whole second', () => expect(startupEstimate(1.01 * GB).seconds).toBe(21));
});

describe('start-up timeouts', () => {
  it('1 GB (20 s; 30 s with headroom): the 8-minute window holds it, nothing is set', () => {
    expect(startupTimeouts(startupEstimate(1 * GB).seconds)).toEqual({ kind: 'default', estimateSeconds: 20, windowSeconds: 480 });
  });

  it('20 GB (400 s; 600 s with headroom, past 480 s): both timeouts 600 s', () => {
    expect(startupTimeouts(400)).toEqual({ kind: 'set', estimateSeconds: 400, windowSeconds: 480, modelDataDownloadTimeoutInSeconds: 600, containerStartupHealthCheckTimeoutInSeconds: 600, capped: false });
  });

  it('60 GB (1200 s): 1800 s', () => {
    expect(startupTimeouts(1200)).toMatchObject({ kind: 'set', modelDataDownloadTimeoutInSeconds: 1800, containerStartupHealthCheckTimeoutInSeconds: 1800, capped: false });
  });

  it('140 GB (2800 s; 4200 s wanted): the API maximum, 3600 s, and says the headroom is capped', () => {
    expect(startupTimeouts(2800)).toMatchObject({ kind: 'set', modelDataDownloadTimeoutInSeconds: 3600, containerStartupHealthCheckTimeoutInSeconds: 3600, capped: true });
  });

  it('an estimate past 3600 s (7 TB: 140000 s) is refused with a structured reason', () => {
    expect(startupTimeouts(startupEstimate(7000 * GB).seconds)).toEqual({ kind: 'refused', reason: 'startup-exceeds-max-timeout', estimateSeconds: 140000, maxSeconds: 3600 });
    expect(startupTimeouts(3600).kind).toBe('set');
    expect(startupTimeouts(3601).kind).toBe('refused');
  });

  it('boundaries: 320 s x 1.5 = 480 s stays in the window; 321 s rounds up to 540 s', () => {
    expect(startupTimeouts(320).kind).toBe('default');
    expect(startupTimeouts(321)).toMatchObject({ modelDataDownloadTimeoutInSeconds: 540 });
  });
});

describe('ML storage volume (VolumeSizeInGB)', () => {
  it.each([
    [1, null, 'default-suffices', 2],
    [20, 40, 'sized', 40],
    [60, 120, 'sized', 120],
    [140, 280, 'sized', 280],
    [300, null, 'too-large', 600],
  ] as const)('%d GB on ml.m5.xlarge (EBS): %s GB (%s)', (gb, want, why, needGB) => {
    expect(volumeSizeGB('ml.m5.xlarge', [gb * GB])).toEqual({ gb: want, why, storedBytes: gb * GB, needGB, maxGB: 512 });
  });

  it('never on NVMe types (the API rejects it): the family table lint uses', () => {
    for (const t of ['ml.g5.xlarge', 'ml.g6e.12xlarge', 'ml.p4d.24xlarge', 'ml.m5d.large']) expect(volumeSizeGB(t, [60 * GB])).toMatchObject({ gb: null, why: 'nvme' });
    expect(volumeSizeGB('ml.inf2.48xlarge', [60 * GB])).toMatchObject({ gb: 120, why: 'sized' });
    expect(volumeSizeGB('ml.g7.2xlarge', [60 * GB])).toMatchObject({ gb: null, why: 'unknown-storage' });
    expect(volumeSizeGB('ml.m5.xlarge', [])).toMatchObject({ gb: null, why: 'no-model-size' });
  });

  it('multi-model: sized for every model it stores (or the hot ones)', () => {
    const w = { modelSizeBytes: 2 * GB, models: 10, frameworks: 1 };
    expect(storedModelBytes(w, 'multi-model')).toHaveLength(10);
    expect(volumeSizeGB('ml.m5.xlarge', storedModelBytes(w, 'multi-model'))).toMatchObject({ gb: 40, why: 'sized' });
    expect(volumeSizeGB('ml.m5.xlarge', storedModelBytes(w, 'multi-model', 3))).toMatchObject({ gb: null, why: 'default-suffices', needGB: 12 });
    // Given sizes: the largest ones are the ones that must fit.
    expect(storedModelBytes({ modelSizeBytes: 30 * GB, modelSizes: [30 * GB, 8 * GB, 2 * GB], models: 3, frameworks: 1 }, 'multi-model', 2)).toEqual([30 * GB, 8 * GB]);
    expect(storedModelBytes({ modelSizeBytes: 5 * GB, models: 4, frameworks: 2 }, 'multi-container')).toEqual([5 * GB, 5 * GB]);
    expect(storedModelBytes({ modelSizeBytes: 5 * GB, models: 1, frameworks: 1 }, 'single-model')).toEqual([5 * GB]);
    expect(storedModelBytes({ modelSizeBytes: null, models: 3, frameworks: 1 }, 'multi-model')).toEqual([]);
  });
});

describe('Serverless start-up: download and /ping within 3 minutes, image at most 10 GB', () => {
  it('a 5 GB model (100 s) fits; a 10 GB one (200 s) does not', () => {
    expect(serverlessStartup(5 * GB)).toEqual({ fits: true, estimateSeconds: 100, limitSeconds: 180, imageBytes: null, maxImageBytes: 10 * GIB, problems: [] });
    expect(serverlessStartup(10 * GB)).toMatchObject({ fits: false, problems: [{ id: 'startup-too-slow', estimateSeconds: 200, limitSeconds: 180 }] });
  });

  it('an image over 10 GB rules it out; exactly 10 GiB does not; unknown sizes pass', () => {
    expect(serverlessStartup(1 * GB, 11 * GIB)).toMatchObject({ fits: false, problems: [{ id: 'image-too-large', imageBytes: 11 * GIB, maxBytes: 10 * GIB }] });
    expect(serverlessStartup(1 * GB, 10 * GIB).fits).toBe(true);
    expect(serverlessStartup(null, null)).toMatchObject({ fits: true, estimateSeconds: null });
  });
});

describe('the service quotas a plan needs, named as Service Quotas shows them', () => {
  it('instances for endpoint usage, added up over variants, with a note for GPU types', () => {
    const q = quotasFor([
      { kind: 'endpoint', instanceType: 'ml.g6.12xlarge', maxInstances: 2 },
      { kind: 'endpoint', instanceType: 'ml.g6.12xlarge', maxInstances: 1 },
    ]);
    expect(q.map(quotaLine)).toEqual(['ml.g6.12xlarge for endpoint usage: 3']);
    expect(q[0]).toMatchObject({ serviceCode: 'sagemaker', unit: 'instances', code: null, note: 'new accounts often have 0 for accelerated (GPU, Inferentia) types' });
    expect(q[0]!.source).toMatch(/^https:\/\/repost\.aws\/knowledge-center\/sagemaker-resource-limit-exceeded-error/);
  });

  it('transform job usage for batch; the Region-wide Serverless concurrency quota (L-96300102)', () => {
    const q = quotasFor([
      { kind: 'transform', instanceType: 'ml.m5.large', instanceCount: 2 },
      { kind: 'serverless', maxConcurrency: 20 },
    ]);
    expect(q.map(quotaLine)).toEqual(['Maximum total concurrency that can be allocated across all serverless endpoints: 20', 'ml.m5.large for transform job usage: 2']);
    expect(q[0]).toMatchObject({ code: 'L-96300102', unit: 'concurrency', note: 'some new accounts have 10' });
    expect(q[1]!.note).toBeNull();
  });
});
