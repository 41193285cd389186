// What is priced is what is deployed: for a sweep of workloads (every option and architecture, CPU
// and GPU, with and without a volume), the plan, the cost breakdown, the reasons, the JSON options
// and the generated files of every target name the same instance types and counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../src/emit/index';
import { targetsFor, type Target } from '../../src/emit/targets';
import { advise } from '../../src/rules/advise/decide';
import type { CostAnswers } from '../../src/rules/advise/cost-choice';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { loadHcl, type HclReader } from '../../src/rules/lint/terraform/hcl';
import { buildModule } from '../../src/rules/lint/terraform/module';
import type { Plan } from '../../src/rules/plan/types';
import { BUILTIN_PRICES } from '../../src/rules/facts/prices';
import { parseRate } from '../../src/rules/rate';
import type { Workload } from '../../src/rules/workload';
import { toResult } from '../../src/cli/result';
import { parseActiveHours } from '../../src/rules/advise/active-hours';

const GB = 1e9;
const rt: Workload = { batch: false, payloadBytes: 100_000, processingSeconds: 0.2, latencySeconds: 2, traffic: 'sustained', streaming: false, modelSizeBytes: 2 * GB, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null };
const CASES: Record<string, Workload> = {
  'real-time cpu': rt,
  'real-time gpu': { ...rt, gpu: true, modelSizeBytes: 14 * GB, processingSeconds: 1, latencySeconds: 5 },
  'real-time gpu sharded': { ...rt, gpu: true, modelSizeBytes: 60 * GB, processingSeconds: 20, latencySeconds: 60 },
  'real-time cpu large (EBS volume, start-up timeouts)': { ...rt, modelSizeBytes: 40 * GB, processingSeconds: 2, latencySeconds: 10 },
  'multi-model cpu': { ...rt, models: 20, modelSizeBytes: 500e6 },
  'multi-model gpu': { ...rt, models: 20, gpu: true, modelSizeBytes: 4 * GB },
  'multi-container': { ...rt, models: 3, frameworks: 3 },
  'serial pipeline': { ...rt, pipeline: 3 },
  'inference components gpu': { ...rt, gpu: true, models: 3, frameworks: 3, modelSizes: [30 * GB, 8 * GB, 2 * GB], modelSizeBytes: 30 * GB, processingSeconds: 2, latencySeconds: 30 },
  'inference components cpu spread': { ...rt, models: 2, modelSizes: [200e6, 20 * GB], modelSizeBytes: 20 * GB },
  'inference components scale to zero': { ...rt, gpu: true, traffic: 'intermittent', modelSizeBytes: 14 * GB, processingSeconds: 2, latencySeconds: 30 },
  serverless: { ...rt, traffic: 'intermittent', latencySeconds: 30, modelSizeBytes: GB },
  'serverless provisioned': { ...rt, traffic: 'intermittent', latencySeconds: 2, modelSizeBytes: GB },
  async: { ...rt, processingSeconds: 300, latencySeconds: null, payloadBytes: 50e6 },
  'async cpu large': { ...rt, modelSizeBytes: 40 * GB, processingSeconds: 300, latencySeconds: null, payloadBytes: 50e6 },
  'async gpu': { ...rt, gpu: true, modelSizeBytes: 14 * GB, processingSeconds: 300, latencySeconds: null, payloadBytes: 50e6 },
  'llm that streams': { ...rt, gpu: true, streaming: true, modelSizeBytes: 140 * GB, processingSeconds: 90, latencySeconds: 120, payloadBytes: 20_000 },
  'llm, concurrency per copy given': { ...rt, gpu: true, streaming: true, modelSizeBytes: 16 * GB, processingSeconds: 20, latencySeconds: 60, concurrencyPerCopy: 8 },
  'real-time, active hours': { ...rt, activeHours: parseActiveHours('weekdays 09-18 Europe/Berlin') },
  'multi-model, hot models': { ...rt, models: 3000, modelSizeBytes: 50e6, hotModels: 100 },
  // 3 fit an ml.m5.large and a reload (20 s) exceeds the answer time: at least 14 instances keep the 40 loaded.
  'multi-model, hot models held by a floor': { ...rt, models: 200, modelSizeBytes: 2e9, hotModels: 40, latencySeconds: 5, processingSeconds: 0.2 },
  'batch csv': { ...rt, batch: true, latencySeconds: null, traffic: null, contentType: 'text/csv', payloadBytes: 2000 },
  'batch pipeline': { ...rt, batch: true, latencySeconds: null, traffic: null, pipeline: 2, payloadBytes: 2000 },
};
const VOLUMES = [null, '100k/day', '5M/day'];
const answers = (v: string): CostAnswers => ({ requests: parseRate(v), peak: null, requestBytes: null, responseBytes: null, deadlineSeconds: null });

type Obj = Record<string, any>;
let hcl: HclReader;
beforeAll(async () => {
  hcl = await loadHcl();
});

/** The instance types and counts a set of generated files deploys. */
function deployed(files: Array<{ name: string; content: string }>, target: Target): Obj {
  if (target === 'terraform') {
    // Read back as lint reads Terraform: resources in API shape, variables at their defaults.
    const R = Object.values(buildModule(files.map((f, i) => hcl(f.content, i))).template.Resources) as Obj[];
    const v = R.find((r) => r.Type === 'AWS::SageMaker::EndpointConfig')!.Properties.ProductionVariants[0];
    const t = R.find((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget' && r.Properties.ScalableDimension === 'sagemaker:variant:DesiredInstanceCount');
    const main = files.find((f) => f.name === 'main.tf')!.content;
    const max = v.ManagedInstanceScaling?.MaxInstanceCount ?? t?.Properties.MaxCapacity ?? null;
    const scheduled = [...main.matchAll(/resource "aws_appautoscaling_scheduled_action"[^]*?schedule\s+= "([^"]+)"[^]*?min_capacity = (\d+)\s+max_capacity = (\d+|var\.\w+)/g)].map((m) => [
      m[1],
      Number(m[2]),
      m[3]!.startsWith('var.') ? max : Number(m[3]),
    ]);
    return {
      scheduled,
      type: v.InstanceType ?? null,
      initial: v.InitialInstanceCount ?? null,
      min: v.ManagedInstanceScaling?.MinInstanceCount ?? t?.Properties.MinCapacity ?? null,
      max: v.ManagedInstanceScaling?.MaxInstanceCount ?? t?.Properties.MaxCapacity ?? null,
      serverless: v.ServerlessConfig ?? null,
      copies: R.filter((r) => r.Type === 'AWS::SageMaker::InferenceComponent').map((r) => r.Properties.RuntimeConfig.CopyCount),
      ...startupOf(
        v,
        R.filter((r) => r.Type === 'AWS::SageMaker::InferenceComponent').map((r) => r.Properties.Specification),
      ),
    };
  }
  if (target === 'cloudformation') {
    const t = parseCfnYaml(files[0]!.content).toJS() as Obj;
    const v = t.Resources.EndpointConfig.Properties.ProductionVariants[0];
    const maxParam = t.Parameters?.MaxInstanceCount?.Default;
    return {
      scheduled: (t.Resources.ScalableTarget?.Properties.ScheduledActions ?? []).map((a: any) => [
        a.Schedule,
        a.ScalableTargetAction.MinCapacity,
        a.ScalableTargetAction.MaxCapacity?.Ref === 'MaxInstanceCount' ? maxParam : a.ScalableTargetAction.MaxCapacity,
      ]),
      type: v.InstanceType ?? null,
      initial: v.InitialInstanceCount ?? null,
      min: v.ManagedInstanceScaling?.MinInstanceCount ?? t.Resources.ScalableTarget?.Properties.MinCapacity ?? null,
      max: maxParam ?? null,
      serverless: v.ServerlessConfig ?? null,
      copies: Object.values(t.Resources)
        .filter((r: any) => r.Type === 'AWS::SageMaker::InferenceComponent')
        .map((r: any) => r.Properties.RuntimeConfig.CopyCount),
      ...startupOf(
        v,
        Object.values(t.Resources)
          .filter((r: any) => r.Type === 'AWS::SageMaker::InferenceComponent')
          .map((r: any) => r.Properties.Specification),
      ),
    };
  }
  const byName = Object.fromEntries(files.filter((f) => f.name.endsWith('.yaml')).map((f) => [f.name, parse(f.content) as Obj]));
  const job = byName['create-transform-job.yaml'];
  if (job) return { type: job.TransformResources.InstanceType, count: job.TransformResources.InstanceCount, concurrent: job.MaxConcurrentTransforms };
  const v = byName['create-endpoint-config.yaml']!.ProductionVariants[0];
  const endpoint = files.find((f) => f.name === 'create-endpoint.yaml')!.content;
  const scaling = endpoint.match(/--min-capacity (\d+) --max-capacity (\d+)/);
  return {
    scheduled: [...endpoint.matchAll(/--schedule '([^']+)' .*MinCapacity=(\d+),MaxCapacity=(\d+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]),
    type: v.InstanceType ?? null,
    initial: v.InitialInstanceCount ?? null,
    min: v.ManagedInstanceScaling?.MinInstanceCount ?? (scaling ? Number(scaling[1]) : null),
    max: v.ManagedInstanceScaling?.MaxInstanceCount ?? (scaling ? Number(scaling[2]) : null),
    serverless: v.ServerlessConfig ?? null,
    copies: files.filter((f) => f.name.startsWith('create-inference-component')).map((f) => (parse(f.content) as Obj).RuntimeConfig.CopyCount),
    ...startupOf(
      v,
      files.filter((f) => f.name.startsWith('create-inference-component')).map((f) => (parse(f.content) as Obj).Specification),
    ),
  };
}

/** The start-up timeouts and volume a variant and its components' specifications write. */
function startupOf(v: Obj, specs: Obj[]): Obj {
  return {
    download: v.ModelDataDownloadTimeoutInSeconds ?? null,
    health: v.ContainerStartupHealthCheckTimeoutInSeconds ?? null,
    volume: v.VolumeSizeInGB ?? null,
    componentStartup: specs.map((s) => s.StartupParameters ?? null),
  };
}

/** What the plan says those same fields are. */
function planned(p: Plan, _target: Target): Obj {
  if (p.batch) return { type: p.instanceType, count: p.batch.instanceCount, concurrent: p.batch.maxConcurrentTransforms };
  const serverless = p.serverless
    ? { MemorySizeInMB: p.serverless.memoryMB, MaxConcurrency: p.serverless.maxConcurrency, ...(p.serverless.provisionedConcurrency ? { ProvisionedConcurrency: p.serverless.provisionedConcurrency } : {}) }
    : null;
  const startup = {
    download: p.startup.timeouts?.modelDataDownloadTimeoutInSeconds ?? null,
    health: p.startup.timeouts?.containerStartupHealthCheckTimeoutInSeconds ?? null,
    volume: p.volumeGB,
    componentStartup: (p.ic?.models ?? []).map((m) =>
      m.startupTimeouts ? { ModelDataDownloadTimeoutInSeconds: m.startupTimeouts.modelDataDownloadTimeoutInSeconds, ContainerStartupHealthCheckTimeoutInSeconds: m.startupTimeouts.containerStartupHealthCheckTimeoutInSeconds } : null,
    ),
  };
  if (p.ic) return { scheduled: [], type: p.instanceType, initial: p.ic.initialInstances, min: p.ic.minInstances, max: p.ic.maxInstances, serverless: null, copies: p.ic.models.map((m) => m.copies), ...startup };
  const scheduled = (p.scaling[0]?.scheduled ?? []).map((a) => [a.Schedule, a.ScalableTargetAction.MinCapacity, a.ScalableTargetAction.MaxCapacity]);
  return { scheduled, type: p.instanceType, initial: p.instances?.initial ?? null, min: p.instances?.min ?? null, max: p.instances?.max ?? null, serverless, copies: [], ...startup };
}

describe('one plan: what is priced, explained and deployed', () => {
  for (const [name, w] of Object.entries(CASES)) {
    for (const volume of VOLUMES) {
      it(`${name}${volume ? ` at ${volume}` : ', no volume'}`, () => {
        const advice = advise({ workload: w, deployment: {}, prices: BUILTIN_PRICES, answers: volume ? answers(volume) : null });
        const rec = advice.recommendation;
        expect(rec, `${name}: something fits`).not.toBeNull();
        const plan = advice.plan!;
        expect(plan.option).toBe(rec!.option);
        expect(plan.architecture).toBe(rec!.architecture);
        expect(plan.sized).toBe(volume !== null && advice.cost !== null);

        // The files of every target deploy the plan.
        for (const target of targetsFor(w.batch)) {
          const files = generate({ recommendation: rec!, plan, cost: advice.cost }, {}, target).files;
          expect(deployed(files, target), `${name} ${target}`).toEqual(planned(plan, target));
          // The header's estimate is the plan's cost, and its quotas the plan's (Terraform: in main.tf, beside the resources; not deploy.sh).
          const headed = files.filter((x) => (target !== 'terraform' || x.name === 'main.tf') && x.name !== 'deploy.sh');
          for (const f of headed) for (const q of plan.quotas) expect(f.content).toContain(`#   - ${q.name}: ${q.value}`);
          if (advice.cost) for (const f of headed) expect(f.content).toContain(`Estimated cost: $${advice.cost.monthlyUsd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} a month`);
        }

        // The cost breakdown and the reasons name only the plan's instance type.
        const mentioned = (texts: string[]) => new Set(texts.flatMap((t) => t.match(/ml\.[a-z0-9-]+\.[a-z0-9]+/g) ?? []));
        const types = plan.instanceType ? new Set([plan.instanceType]) : new Set<string>();
        if (advice.cost) {
          expect(mentioned(advice.cost.breakdown.map((l) => l.item))).toEqual(types);
          const head = advice.cost.breakdown[0]!.item;
          const n = head.match(/^(\d+) x ml\./)?.[1];
          // With active hours, the priced count is the in-hours minimum the start action sets.
          const inHours = plan.scaling[0]?.scheduled[0]?.ScalableTargetAction.MinCapacity;
          if (n !== undefined && !plan.ic?.scaleToZero) expect(Number(n), head).toBe(plan.ic ? plan.ic.initialInstances : (inHours ?? plan.instances!.min));
          // The ML storage priced is the volume deployed.
          const storage = advice.cost.breakdown.find((l) => l.item.startsWith('ML storage: '))?.item.match(/^ML storage: (\d+) GB/)?.[1];
          if (plan.volumeGB !== null) expect(Number(storage), 'priced volume').toBe(plan.volumeGB);
          const runs = head.match(/runs x (\d+) instance/)?.[1];
          if (runs !== undefined) expect(Number(runs)).toBe(plan.batch!.instanceCount);
        }
        for (const t of mentioned(rec!.reasons.map((r) => r.text))) expect(types.has(t), `reason names ${t}, the plan deploys ${plan.instanceType}`).toBe(true);

        // JSON: the recommendation's plan is the deployed one; every option that fits has a plan, priced at its own type.
        const result = toResult(w, advice, []);
        expect(result.recommendation!.plan).toEqual(plan);
        for (const o of result.options) {
          if (o.fits) expect(o.plan, `${o.option} fits but has no plan`).not.toBeNull();
          if (o.sizing?.instanceType && o.plan) expect(o.plan.instanceType).toBe(o.sizing.instanceType);
          if (o.option === rec!.option && advice.cost) expect(o.cost).toEqual(result.recommendation!.cost);
        }
      });
    }
  }
});
