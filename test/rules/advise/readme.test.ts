// The README's "Sizing for real traffic" figures come from these functions (issue 19: "the
// README's figures match the tool"). Each figure is computed here and looked for in the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeFraction, activeRate, parseActiveHours, scheduledActions } from '../../../src/rules/advise/active-hours';
import { chooseBatch, miniBatch } from '../../../src/rules/advise/batch';
import { breakEvenRegions, ceilBoundaries, type CostAt } from '../../../src/rules/advise/break-even';
import { instanceSlots, targetConcurrentRequestsPerCopy, targetInvocationsPerInstance } from '../../../src/rules/advise/concurrency';
import { erlangB, erlangC, instancesAtPeak, provisionedConcurrency, serverlessMaxConcurrency } from '../../../src/rules/advise/queueing';
import { residency } from '../../../src/rules/advise/residency';
import { uptime } from '../../../src/rules/advise/uptime';
import { instance } from '../../../src/rules/facts/instances';

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Sizing for real traffic'), readme.indexOf('### Prices')).replace(/\s+/g, ' ');
const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)}%`;
const n = (x: number) => x.toLocaleString('en-US');
const has = (...texts: string[]) => {
  for (const t of texts.map((x) => x.replace(/\s+/g, ' '))) expect(section.includes(t), `README "Sizing for real traffic" should say: ${t}`).toBe(true);
};

describe('README: Sizing for real traffic', () => {
  it('queueing examples', () => {
    const peak = (100_000 * 5) / 86_400;
    const s = serverlessMaxConcurrency({ peakPerSecond: peak, processingSeconds: 0.2 });
    has(`a = ${s.load.toFixed(2)}`, `MaxConcurrency 2 throttles ${pct(erlangB(2, s.load))}`, `4 throttles ${pct(erlangB(4, s.load))}`, `5\n    throttles ${pct(erlangB(5, s.load), 2)}`, `MaxConcurrency is ${s.count}`);
    const pc = provisionedConcurrency({ peakPerSecond: 2e6 / 86_400, averagePerSecond: 1e6 / 86_400, processingSeconds: 0.3, coldStartAbsorbed: false });
    has(`a = ${pc.load.toFixed(2)}, and PC is ${pc.count}`, `B(13) = ${pct(erlangB(13, pc.load), 2)}, B(14) = ${pct(erlangB(14, pc.load), 2)}`);
    const avg = provisionedConcurrency({ peakPerSecond: 2e6 / 86_400, averagePerSecond: 1e6 / 86_400, processingSeconds: 0.3, coldStartAbsorbed: true });
    has(`(a = ${avg.load.toFixed(2)}, so ${avg.count})`, `${pct(avg.peakSpillShare)} of the peak's requests spill`);
  });

  it('LLM concurrency example', () => {
    const slots = instanceSlots({ instance: instance('ml.g6.48xlarge')!, modelBytes: 140e9, gpu: true, streaming: true, processingSeconds: 90 });
    const peak = (2 * 50_000) / 86_400;
    const s = instancesAtPeak({ peakPerSecond: peak, processingSeconds: 90, slotsPerInstance: slots.slots });
    has(`${slots.perSecond.toFixed(3)} requests/s per instance`, `The peak is ${peak.toFixed(3)}/s, so a = ${s.load.toFixed(1)}`, `128 slots is ${pct(erlangC(128, s.load), 2)}`, `needs ${s.instances} instances`);
    has(`= ${targetInvocationsPerInstance(slots, 90)} invocations per instance a minute`, `32 x 70% = ${targetConcurrentRequestsPerCopy(32)}`);
  });

  it('batch examples', () => {
    const mb = miniBatch({ records: 5e6, recordBytes: 2000, processingSeconds: 0.2, deadlineSeconds: 14_400, splittable: true }, 2);
    if ('unfit' in mb) throw new Error('unfit');
    has(`MaxPayloadInMB is ${mb.maxPayloadMB}: ${n(mb.recordsPerInvocation)} rows, ${mb.invocationSeconds.toFixed(1)} s`);
    const cand = (type: string, vcpu: number, hourlyUsd: number) => ({ type, vcpu, memoryGiB: 16, gpus: 0, hourlyUsd });
    const c = chooseBatch({ records: 1.5e6, recordBytes: 1000, processingSeconds: 0.5, deadlineSeconds: 3600, splittable: false }, [
      cand('ml.m5.large', 2, 0.115),
      cand('ml.m5.xlarge', 4, 0.23),
      cand('ml.c5.2xlarge', 8, 0.408),
      cand('ml.m5.4xlarge', 16, 0.922),
    ]);
    const by = new Map(c.ranked.map((o) => [o.type, o]));
    has(
      `need ${c.reason.id === 'larger-type-fits' ? c.reason.smallest.instancesNeeded : '?'} instances`,
      `ml.m5.xlarge needs ${by.get('ml.m5.xlarge')!.instances} ($${by.get('ml.m5.xlarge')!.costPerRunUsd!.toFixed(2)} a run)`,
      `ml.c5.2xlarge ${by.get('ml.c5.2xlarge')!.instances}\n    ($${by.get('ml.c5.2xlarge')!.costPerRunUsd!.toFixed(2)})`,
      `ml.m5.4xlarge ${by.get('ml.m5.4xlarge')!.instances} ($${by.get('ml.m5.4xlarge')!.costPerRunUsd!.toFixed(2)})`,
      `The choice is ${c.chosen!.instances} x ${c.chosen!.type}`,
    );
  });

  it('residency examples', () => {
    const r = residency({ modelBytes: Array(3000).fill(50e6), instance: { memoryGiB: 8, gpus: 0, gpuMemoryGiB: 0 }, instances: 1, gpu: false, answerSeconds: 1, processingSeconds: 0.2 });
    has(`holds ${r.perInstance} of them`, `${pct(r.missShare)} of requests`, `at ${r.reloadSeconds} s each, and ${r.instancesForHot} instances`);
    const g = residency({ modelBytes: Array(5).fill(15e9), instance: { memoryGiB: 16, gpus: 1, gpuMemoryGiB: 23_028 / 1024 }, instances: 1, gpu: true, answerSeconds: 2, processingSeconds: 0.2 });
    has(`one is resident. A reload takes\n    ${g.reloadSeconds} s`);
    expect(g.perInstance).toBe(1);
  });

  it('up-time example', () => {
    const month = 730 * 3600;
    const a = uptime({ perSecond: 50 / 86_400, scaleInDelaySeconds: 900, startupSeconds: 0, monthSeconds: month });
    const b = uptime({ perSecond: 50 / 86_400, scaleInDelaySeconds: 900, startupSeconds: 600, monthSeconds: month });
    has(`up ${pct(a.upFraction)} of the\n    month with no start-up, or ${pct(b.upFraction)} with a 10 min`, `(${Math.round(b.wakesPerMonth)} wakes a month)`, `only ${pct((50 * 30) / 86_400)} of the time`);
  });

  it('active-hours example', () => {
    const a = parseActiveHours('weekdays 09-18 Europe/Berlin');
    has(`45 / 168 = ${pct(activeFraction(a))}`, `becomes ${activeRate(1e6 / 86_400, a).toFixed(1)}/s`);
    const [start, end] = scheduledActions(a, { inHours: { min: 1, max: 4 }, outOfHours: { min: 1, max: 1 } });
    has(`\`${start!.Schedule}\``, `\`${end!.Schedule}\``, `\`Timezone: ${start!.Timezone}\``);
  });

  it('break-even table', () => {
    const BASE = 100_000;
    const costAt: CostAt<'Serverless' | 'Real-Time'> = (o, m) => (o === 'Serverless' ? BASE * m * (365 / 12) * 0.8 * 0.00004 : Math.max(1, Math.ceil(((BASE * m) / 86_400) * (0.8 / 1.4))) * 88.15);
    const regions = breakEvenRegions(['Serverless', 'Real-Time'], costAt, ceilBoundaries((BASE / 86_400) * (0.8 / 1.4)));
    const at = regions.map((r) => n(Math.round(r.toMultiplier * BASE)));
    has(`| below ${at[0]} | Serverless |`, `| ${at[0]} to ${at[1]} | Real-Time, 1 instance |`, `| ${at[1]} to ${at[2]} | Serverless`, `| above ${at[2]} | Real-Time |`);
  });
});
