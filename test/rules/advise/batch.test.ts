// Batch Transform sizing (issue 19). Every figure below is worked by hand in the comment beside it
// (start-up 300 s = policy.batch-job-startup; timeout default 600 s; factor 2 = policy.batch-timeout-factor).
import { describe, expect, it } from 'vitest';
import { batchOption, chooseBatch, invocationTimeout, miniBatch, type BatchCandidate } from '../../../src/rules/advise/batch';
import { limit } from '../../../src/rules/facts/limits';
import { apiEnum } from '../../../src/rules/facts/api';

const MIB = 1024 * 1024;
// Prices here are test inputs, not the price table.
const M5L: BatchCandidate = { type: 'ml.m5.large', vcpu: 2, memoryGiB: 8, gpus: 0, hourlyUsd: 0.115 };
const M5XL: BatchCandidate = { type: 'ml.m5.xlarge', vcpu: 4, memoryGiB: 16, gpus: 0, hourlyUsd: 0.23 };
const C52XL: BatchCandidate = { type: 'ml.c5.2xlarge', vcpu: 8, memoryGiB: 16, gpus: 0, hourlyUsd: 0.408 };
const M54XL: BatchCandidate = { type: 'ml.m5.4xlarge', vcpu: 16, memoryGiB: 64, gpus: 0, hourlyUsd: 0.922 };
const M5DXL: BatchCandidate = { type: 'ml.m5d.xlarge', vcpu: 4, memoryGiB: 16, gpus: 0, hourlyUsd: null };

it('the policy and limits these figures assume', () => {
  expect([limit('policy.batch-job-startup'), limit('batch-transform.invocation-timeout-default'), limit('policy.batch-timeout-factor'), limit('batch-transform.instances')]).toEqual([300, 600, 2, 100]);
});

describe('mini-batches finish within the invocation timeout', () => {
  it("both strategies are values of the API model's BatchStrategy", () => {
    const values = apiEnum('CreateTransformJobRequest.BatchStrategy');
    for (const s of ['MultiRecord', 'SingleRecord']) expect(values).toContain(s);
  });

  it('2 KB CSV rows at 200 ms on 2 workers: MultiRecord, 2 MB, 1,048 rows = 209.6 s (not 6 MB = 3,145 rows = 629 s > 600 s)', () => {
    // Rows per invocation within 600 s / 2 = 300 s: 300 / 0.2 = 1,500 rows = 3,000,000 bytes = 2.86 MiB -> 2 MB.
    // 2 MiB / 2,000 bytes = 1,048 rows x 0.2 s = 209.6 s; x 2 = 419.2 s <= 600 s.
    const job = { records: 5e6, recordBytes: 2000, processingSeconds: 0.2, deadlineSeconds: 4 * 3600, splittable: true };
    expect(miniBatch(job, 2)).toEqual({ strategy: 'MultiRecord', maxPayloadMB: 2, recordsPerInvocation: 1048, invocationSeconds: expect.closeTo(209.6, 9), timeoutSeconds: 600, maxConcurrentTransforms: 2, why: 'fits-timeout' });
    // The old setting: a full 6 MB mini-batch is 3,145 rows, 629 s, over the timeout.
    expect(Math.floor((6 * MIB) / 2000) * 0.2).toBeGreaterThan(600);
  });

  it('MaxConcurrentTransforms x MaxPayloadInMB stays within 100: 48 workers leave 2 MB each', () => {
    // floor(100 / 48) = 2 MB; 2 MiB / 1,000 bytes = 2,097 rows x 0.01 s = 20.97 s.
    const mb = miniBatch({ records: 1e6, recordBytes: 1000, processingSeconds: 0.01, deadlineSeconds: 3600, splittable: true }, 48);
    expect(mb).toMatchObject({ strategy: 'MultiRecord', maxPayloadMB: 2, maxConcurrentTransforms: 48, recordsPerInvocation: 2097 });
  });

  it('SingleRecord when the content cannot be split, when one record fills the time, or a record is large', () => {
    expect(miniBatch({ records: 10, recordBytes: 1000, processingSeconds: 1, deadlineSeconds: 3600, splittable: false }, 4)).toMatchObject({
      strategy: 'SingleRecord',
      maxPayloadMB: 1,
      why: 'not-splittable',
      maxConcurrentTransforms: 4,
      timeoutSeconds: 600,
    });
    // 200 s a row: 600 / 2 / 200 = 1 row per invocation -> SingleRecord.
    expect(miniBatch({ records: 10, recordBytes: 1000, processingSeconds: 200, deadlineSeconds: 36000, splittable: true }, 4)).toMatchObject({ strategy: 'SingleRecord', why: 'one-record-per-payload' });
    // A 30 MB record: MaxPayloadInMB 30, so at most floor(100 / 30) = 3 concurrent transforms, not 8.
    expect(miniBatch({ records: 10, recordBytes: 30 * MIB, processingSeconds: 1, deadlineSeconds: 3600, splittable: true }, 8)).toMatchObject({ strategy: 'SingleRecord', maxPayloadMB: 30, maxConcurrentTransforms: 3 });
    // 25 min a record: timeout 2 x 1500 = 3000 s.
    expect(miniBatch({ records: 10, recordBytes: 1000, processingSeconds: 1500, deadlineSeconds: 36000, splittable: false }, 1)).toMatchObject({ timeoutSeconds: 3000 });
    expect(invocationTimeout(2000)).toBe(3600);
    expect(miniBatch({ records: 10, recordBytes: 101 * MIB, processingSeconds: 1, deadlineSeconds: 3600, splittable: false }, 1)).toEqual({ unfit: 'record-too-large' });
    expect(miniBatch({ records: 10, recordBytes: 1000, processingSeconds: 3601, deadlineSeconds: 36000, splittable: false }, 1)).toEqual({ unfit: 'record-exceeds-timeout' });
  });
});

describe('instance type and count that meet the deadline at the lowest cost', () => {
  it('5M rows of 200 ms within 4 h on ml.m5.large: 36 instances, 14,188.9 s, $16.32 a run', () => {
    // Work 5M x 0.2 = 1,000,000 worker-s; 2 workers x (14,400 - 300) s = 28,200 per instance -> ceil(35.46) = 36.
    // Run 300 + 1e6 / 72 = 14,188.9 s; $0.115 x 36 x 14,188.9 / 3600 = $16.317.
    const o = batchOption({ records: 5e6, recordBytes: 2000, processingSeconds: 0.2, deadlineSeconds: 14_400, splittable: true }, M5L);
    expect(o).toMatchObject({ fits: true, instances: 36, workers: 2 });
    expect(o.runSeconds).toBeCloseTo(14_188.89, 1);
    expect(o.costPerRunUsd).toBeCloseTo(16.3172, 3);
  });

  it('1.5M records of 500 ms within 1 h: m5.large needs 114 instances; c5.2xlarge (29) is the cheapest that fits', () => {
    // Work 750,000 worker-s; per instance 3,300 s x workers.
    //   m5.large   2 -> ceil(113.6) = 114 > 100: does not fit
    //   m5.xlarge  4 -> 57; run 300 + 750000/228 = 3,589.5 s; $0.23 x 57 x 3589.5/3600 = $13.072
    //   c5.2xlarge 8 -> 29; run 300 + 750000/232 = 3,532.8 s; $0.408 x 29 x 3532.8/3600 = $11.611
    //   m5.4xlarge 16 -> 15; run 300 + 750000/240 = 3,425 s; $0.922 x 15 x 3425/3600 = $13.158
    //   m5d.xlarge 4 -> 57, price unknown: after every known price
    const job = { records: 1.5e6, recordBytes: 1000, processingSeconds: 0.5, deadlineSeconds: 3600, splittable: false };
    const c = chooseBatch(job, [M5L, M5XL, M5DXL, C52XL, M54XL]);
    expect(c.chosen).toMatchObject({ type: 'ml.c5.2xlarge', instances: 29 });
    expect(c.chosen!.costPerRunUsd).toBeCloseTo(11.611, 3);
    expect(c.chosen!.miniBatch).toMatchObject({ strategy: 'SingleRecord', maxConcurrentTransforms: 8 });
    expect(c.ranked.map((o) => [o.type, o.instances, o.costPerRunUsd === null ? null : +o.costPerRunUsd.toFixed(3)])).toEqual([
      ['ml.c5.2xlarge', 29, 11.611],
      ['ml.m5.xlarge', 57, 13.072],
      ['ml.m5.4xlarge', 15, 13.158],
      ['ml.m5d.xlarge', 57, null],
      ['ml.m5.large', null, null],
    ]);
    expect(c.reason).toEqual({ id: 'larger-type-fits', smallest: { type: 'ml.m5.large', why: 'more-than-max-instances', instancesNeeded: 114 } });
  });

  it('when the smallest fits and is cheapest: the reason names the runner-up', () => {
    const c = chooseBatch({ records: 1000, recordBytes: 1000, processingSeconds: 0.5, deadlineSeconds: 3600, splittable: false }, [M5L, M5XL]);
    // m5.large: 1 instance, 300 + 500/2 = 550 s, $0.01757; m5.xlarge: 1 instance, 300 + 125 = 425 s, $0.02715.
    expect(c.chosen).toMatchObject({ type: 'ml.m5.large', instances: 1 });
    expect(c.reason).toEqual({ id: 'cheapest-meets-deadline', runnerUp: { type: 'ml.m5.xlarge', costPerRunUsd: expect.closeTo(0.02715, 5) } });
  });

  it('only unknown prices fit: the fewest instance-seconds, price-unknown, costs null', () => {
    const big = { ...M54XL, type: 'ml.m5d.4xlarge', hourlyUsd: null };
    const c = chooseBatch({ records: 1.5e6, recordBytes: 1000, processingSeconds: 0.5, deadlineSeconds: 3600, splittable: false }, [M5L, M5DXL, big]);
    // m5d.xlarge 57 x 3,589.5 = 204,600 instance-s; m5d.4xlarge 15 x 3,425 = 51,375 -> m5d.4xlarge.
    expect(c.chosen).toMatchObject({ type: 'ml.m5d.4xlarge', costPerRunUsd: null });
    expect(c.reason).toEqual({ id: 'price-unknown' });
  });

  it('nothing fits within 10 minutes: the fastest run is m5.4xlarge at 100 instances, 768.75 s (no --peak advice)', () => {
    // 750,000 / (16 x 300) = 156.25 -> 157 > 100; at 100: 300 + 750000/1600 = 768.75 s.
    const c = chooseBatch({ records: 1.5e6, recordBytes: 1000, processingSeconds: 0.5, deadlineSeconds: 600, splittable: false }, [M5L, M5XL, C52XL, M54XL]);
    expect(c.chosen).toBeNull();
    expect(c.reason).toEqual({ id: 'nothing-fits', fastest: { type: 'ml.m5.4xlarge', runSeconds: 768.75, instances: 100 }, maxInstances: 100 });
    expect(JSON.stringify(c)).not.toMatch(/peak/);
    // A deadline within the start-up cannot be met by any count.
    expect(batchOption({ records: 10, recordBytes: 1000, processingSeconds: 1, deadlineSeconds: 200, splittable: false }, M5L).unfit).toEqual({ why: 'deadline-shorter-than-startup' });
  });

  it('GPU types: a worker per GPU', () => {
    const g = batchOption({ records: 36_000, recordBytes: 1000, processingSeconds: 1, deadlineSeconds: 3600, splittable: false }, { type: 'ml.g5.12xlarge', vcpu: 48, memoryGiB: 192, gpus: 4, hourlyUsd: 7.09 });
    // 36,000 worker-s / (4 x 3,300) = 2.73 -> 3 instances.
    expect(g).toMatchObject({ workers: 4, instances: 3 });
  });
});
