// The Service Quotas a plan needs (issue 24): SageMaker's quota names exactly as Service Quotas
// shows them, with where they are seen, and the sum of a plan's needs per quota. Facts with their
// sources; the plan (src/rules/advise/plan-startup.ts) lists them and every target writes them.

import { instance } from './instances';
import { limit } from './limits';

/** Service code of SageMaker in Service Quotas (`aws service-quotas list-service-quotas --service-code sagemaker`). */
export const QUOTA_SERVICE_CODE = 'sagemaker';

/**
 * Quota names exactly as Service Quotas shows them, with where they are seen. The instance quotas are
 * per type and per Region; ResourceLimitExceeded quotes the same name ("The account-level service
 * limit 'ml.m4.xlarge for endpoint usage' is 0 Instances").
 */
export const QUOTA_NAMES = {
  endpoint: { name: (type: string) => `${type} for endpoint usage`, source: 'https://repost.aws/knowledge-center/sagemaker-resource-limit-exceeded-error; https://github.com/aws/amazon-sagemaker-examples/issues/307' },
  transform: { name: (type: string) => `${type} for transform job usage`, source: 'https://repost.aws/knowledge-center/sagemaker-resource-limit-exceeded-error' },
  serverless: {
    name: 'Maximum total concurrency that can be allocated across all serverless endpoints',
    code: 'L-96300102',
    source: 'https://us-east-1.console.aws.amazon.com/servicequotas/home/services/sagemaker/quotas/L-96300102; https://repost.aws/questions/QUY0gXNLrdTH6eqqA4hv5FeA/total-concurrency-for-serverless-infernece-is-not-200-only-10',
  },
} as const;
export const QUOTAS_CHECKED = '2026-12-06';

/** What part of a plan needs capacity: instances of a type behind endpoints, in a transform job, or Serverless concurrency. */
export type QuotaUse =
  | { readonly kind: 'endpoint'; readonly instanceType: string; readonly maxInstances: number }
  | { readonly kind: 'transform'; readonly instanceType: string; readonly instanceCount: number }
  | { readonly kind: 'serverless'; readonly maxConcurrency: number };

export interface QuotaNeed {
  readonly serviceCode: typeof QUOTA_SERVICE_CODE;
  /** The quota's name in Service Quotas. */
  readonly name: string;
  /** Its code where a source gives it (the per-type instance quotas' codes differ by type). */
  readonly code: string | null;
  /** The value the plan needs, at its largest (autoscaling maximum, all variants). */
  readonly value: number;
  readonly unit: 'instances' | 'concurrency';
  readonly source: string;
  /** A default some accounts were seen to have below the need (new accounts: 0 instances of GPU types, 10 Serverless concurrency). */
  readonly note: string | null;
}

/** The Service Quotas a plan needs, one line per quota (needs of the same quota are added up), sorted by name. */
export function quotasFor(uses: readonly QuotaUse[]): QuotaNeed[] {
  const by = new Map<string, QuotaNeed>();
  const add = (q: QuotaNeed) => {
    const cur = by.get(q.name);
    by.set(q.name, cur ? { ...cur, value: cur.value + q.value } : q);
  };
  const zeroNote = (type: string) => ((instance(type)?.accelerators ?? 0) > 0 ? 'new accounts often have 0 for accelerated (GPU, Inferentia) types' : null);
  for (const u of uses) {
    if (u.kind === 'endpoint') {
      add({ serviceCode: QUOTA_SERVICE_CODE, name: QUOTA_NAMES.endpoint.name(u.instanceType), code: null, value: u.maxInstances, unit: 'instances', source: QUOTA_NAMES.endpoint.source, note: zeroNote(u.instanceType) });
    } else if (u.kind === 'transform') {
      add({ serviceCode: QUOTA_SERVICE_CODE, name: QUOTA_NAMES.transform.name(u.instanceType), code: null, value: u.instanceCount, unit: 'instances', source: QUOTA_NAMES.transform.source, note: zeroNote(u.instanceType) });
    } else {
      const observed = limit('serverless.account-concurrency-observed');
      add({
        serviceCode: QUOTA_SERVICE_CODE,
        name: QUOTA_NAMES.serverless.name,
        code: QUOTA_NAMES.serverless.code,
        value: u.maxConcurrency,
        unit: 'concurrency',
        source: QUOTA_NAMES.serverless.source,
        note: `some new accounts have ${observed}`,
      });
    }
  }
  return [...by.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A quota as the text output and file headers show it: "ml.g6.12xlarge for endpoint usage: 3". */
export const quotaLine = (q: QuotaNeed) => `${q.name}: ${q.value}`;
