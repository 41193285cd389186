// The audit rules (DA8001-DA8008): what `deploy-advisor audit` reports of a deployed endpoint,
// as lint's rules are: an id that never changes meaning, a severity, message templates by id, and
// a documentation page made from the rule (docs/rules/DA80xx.md).

import { workersOf, instancesFor } from '../advise/cost';
import { OPTION_NAMES } from '../advise/engine';
import { instance } from '../facts/instances';
import { limit } from '../facts/limits';
import { formatRate } from '../rate';
import { formatUsd, groupThousands } from '../units';
import type { Current } from './current-cost';
import type { Measurement } from './measure';
import type { DeployedEndpoint } from './types';

export type Severity = 'error' | 'warning';

export interface AuditRule {
  id: string;
  name: string;
  severity: Severity;
  title: string;
  description: string;
  source: string;
  messages: Readonly<Record<string, string>>;
  /** A report line this rule writes, for its documentation page. */
  example: string;
}

const DG = 'https://docs.aws.amazon.com/sagemaker/latest/dg/';

export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: 'DA8001',
    name: 'idle-endpoint',
    severity: 'error',
    title: 'An endpoint that served nothing in the window still bills every hour',
    description:
      'No Invocations (and, for an asynchronous endpoint, no InvocationsProcessed and no ApproximateBacklogSize) in the days audit read. Instance-based endpoints bill per instance-hour whether or not they are called. Delete the endpoint (its model and config stay, so it can be re-created), or move it to an option that costs nothing when idle: Serverless, Asynchronous Inference scaled to zero, or inference components scaled to zero.',
    source: `${DG}monitoring-cloudwatch.html`,
    messages: {
      idle: 'no requests in {{days}} days, yet it costs {{monthly}} a month: delete it, or move it to an option that costs nothing when idle',
      idleAsync: 'no requests processed and no backlog in {{days}} days, yet it costs {{monthly}} a month: delete it, or let it scale to zero instances',
    },
    example: 'error    DA8001  idle: no requests in 14 days, yet it costs $83.95 a month: delete it, or move it to an option that costs nothing when idle',
  },
  {
    id: 'DA8002',
    name: 'oversized-instances',
    severity: 'warning',
    title: 'Instances far busier on paper than in their metrics',
    description: `More instances than the measured peak needs at the target utilisation (policy.target-utilisation), or a peak CPU, GPU and memory utilisation below policy.audit-oversized-utilisation: a smaller type or count serves the same traffic. The finding names what the advisor would run instead.`,
    source: `${DG}endpoint-auto-scaling.html`,
    messages: {
      tooManyInstances: '{{count}} x {{type}} run, but the peak of {{peak}} needs {{needed}} at the target utilisation',
      underused: '{{type}} peaked at {{cpu}} CPU, {{memory}} memory and {{gpu}} GPU: {{suggested}} would serve the same traffic',
    },
    example: 'warning  DA8002  tooManyInstances: 4 x ml.m5.xlarge run, but the peak of 2/s needs 1 at the target utilisation',
  },
  {
    id: 'DA8003',
    name: 'cheaper-option',
    severity: 'warning',
    title: 'Another hosting option serves the measured traffic for less',
    description:
      'The advisor (the same one `recommend` runs) was given the measured traffic and found a configuration that costs less than the deployed one by at least policy.audit-min-saving. Serverless and Asynchronous Inference change how callers invoke the endpoint: check the payload sizes, which CloudWatch does not show, and the answer time callers need.',
    source: `${DG}deploy-model-options.html`,
    messages: {
      toServerless: 'Serverless Inference would cost {{usd}} a month instead of {{current}} (payloads must be within 4 MiB, which CloudWatch cannot show)',
      toAsync: 'Asynchronous Inference would cost {{usd}} a month instead of {{current}} (callers must switch to InvokeEndpointAsync)',
      toBatch: 'Batch Transform would cost {{usd}} a month instead of {{current}}',
      toRealTime: 'Real-Time Inference would cost {{usd}} a month instead of {{current}}',
      scaleToZero: '{{option}} scaled to zero would cost {{usd}} a month instead of {{current}}',
      cheaperConfig: 'a resized {{option}} configuration would cost {{usd}} a month instead of {{current}}',
    },
    example: 'warning  DA8003  toServerless: Serverless Inference would cost $2.10 a month instead of $83.95 (payloads must be within 4 MiB, which CloudWatch cannot show)',
  },
  {
    id: 'DA8004',
    name: 'autoscaling',
    severity: 'warning',
    title: 'Instance-based variants should scale with their traffic',
    description:
      "No Application Auto Scaling target on the variant's DesiredInstanceCount (or an inference component's DesiredCopyCount), so the endpoint runs its instance count around the clock; or a MinCapacity above what the average traffic needs, so it never scales in.",
    source: `${DG}endpoint-auto-scaling.html`,
    messages: {
      missing: '{{variant}} has no autoscaling: {{count}} instance(s) run around the clock',
      missingComponent: 'inference component {{component}} has no autoscaling: {{copies}} copies run around the clock',
      minTooHigh: '{{variant}} keeps at least {{min}} instances, but the average of {{average}} needs {{needed}}',
    },
    example: 'warning  DA8004  missing: AllTraffic has no autoscaling: 2 instance(s) run around the clock',
  },
  {
    id: 'DA8005',
    name: 'errors-or-throttling',
    severity: 'warning',
    title: 'Requests failed or waited for capacity',
    description: `Invocation4XXErrors or Invocation5XXErrors at or above policy.audit-error-share of the invocations (4XX includes throttling of Serverless endpoints at MaxConcurrency), Serverless concurrency at its maximum, or an asynchronous backlog with no instance to serve it. A cheaper configuration would not fix these; look at them first.`,
    source: `${DG}monitoring-cloudwatch.html`,
    messages: {
      serverErrors: '{{count}} invocations failed with 5XX errors ({{share}} of {{total}})',
      clientErrors: '{{count}} invocations failed with 4XX errors, throttling included ({{share}} of {{total}})',
      atMaxConcurrency: 'Serverless concurrency reached MaxConcurrency ({{peak}} utilisation): requests above it are throttled',
      backlogWithoutCapacity: 'requests waited in the queue with no instance running (HasBacklogWithoutCapacity)',
    },
    example: 'warning  DA8005  clientErrors: 120 invocations failed with 4XX errors, throttling included (2.4% of 5,000)',
  },
  {
    id: 'DA8006',
    name: 'could-not-read',
    severity: 'warning',
    title: 'Part of the endpoint could not be read',
    description:
      'A call audit needs was refused or failed for this endpoint: access denied (the README lists the least-privilege IAM policy; deploy-advisor audit --print-policy prints it), throttled past the retries, the endpoint config deleted, or the endpoint deleted while audit ran. What could be read is still reported.',
    source: 'README.md#deploy-advisor-audit',
    messages: {
      accessDenied: '{{operation}} ({{service}}) was denied: {{message}}',
      throttled: '{{operation}} ({{service}}) was throttled past the retries: {{message}}',
      readFailed: '{{operation}} ({{service}}) failed: {{code}}: {{message}}',
      configMissing: 'its endpoint config {{config}} could not be read: the instance types and counts are not known',
      deleted: 'the endpoint was deleted while audit ran',
    },
    example: 'warning  DA8006  accessDenied: DescribeScalableTargets (application-autoscaling) was denied: User is not authorized',
  },
  {
    id: 'DA8007',
    name: 'quota-exceeded',
    severity: 'error',
    title: 'The recommended plan would exceed a Service Quota of the account',
    description:
      'Reported by `audit --quotas`. The plan audit recommends for a deployed endpoint (or, before a deployment, the plan `recommend` makes for an answers file) needs more of a SageMaker quota than the account has in the Region, counting what the other InService endpoints may use of it: each at the larger of its current instance count and its autoscaling maximum (Serverless: its MaxConcurrency). Deploying it, or scaling it out, would fail with ResourceLimitExceeded. New accounts often have 0 instances of GPU types for endpoint usage. Request an increase (the finding gives the command; `aws service-quotas request-service-quota-increase` needs servicequotas:RequestServiceQuotaIncrease, which audit itself never calls), or choose a type whose quota has room.',
    source: 'https://docs.aws.amazon.com/servicequotas/latest/userguide/request-quota-increase.html',
    messages: {
      exceeds: 'the plan needs {{needed}} of "{{quota}}" ({{code}}) and other endpoints may use {{inUse}}, but the {{from}} quota is {{applied}}: {{command}}',
    },
    example:
      'error    DA8007  exceeds: the plan needs 20 of "Maximum total concurrency that can be allocated across all serverless endpoints" (L-96300102) and other endpoints may use 0, but the applied quota is 10: aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code L-96300102 --desired-value 20 --region us-east-1',
  },
  {
    id: 'DA8008',
    name: 'quota-unknown',
    severity: 'warning',
    title: 'A quota the recommended plan needs could not be checked',
    description:
      "Reported by `audit --quotas`. The quota is neither in the account's ListServiceQuotas nor among the AWS defaults (ListAWSDefaultServiceQuotas) for the Region, or Service Quotas could not be read (access denied: allow servicequotas:ListServiceQuotas and servicequotas:ListAWSDefaultServiceQuotas, `audit --print-policy --quotas` prints them). An unknown quota is never taken as 0 or as room enough: check it in the Service Quotas console before deploying. `--fail-on warning` makes it fail a pre-deployment check.",
    source: 'https://docs.aws.amazon.com/servicequotas/2019-06-24/apireference/API_ListServiceQuotas.html',
    messages: {
      notListed: '"{{quota}}" is neither in the account\'s Service Quotas nor among the defaults in {{region}}: the plan needs {{needed}}; check it in the Service Quotas console',
      denied: '"{{quota}}" could not be checked: {{operation}} was denied (allow {{action}}); the plan needs {{needed}}',
      readFailed: '"{{quota}}" could not be checked: {{operation}} failed: {{code}}: {{message}}; the plan needs {{needed}}',
    },
    example: 'warning  DA8008  denied: "ml.g5.2xlarge for endpoint usage" could not be checked: ListServiceQuotas was denied (allow servicequotas:ListServiceQuotas); the plan needs 3',
  },
];

export interface AuditFinding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
}

const RULE = new Map(AUDIT_RULES.map((r) => [r.id, r]));

export function auditFinding(ruleId: string, messageId: string, data: Record<string, string | number> = {}): AuditFinding {
  const r = RULE.get(ruleId);
  const template = r?.messages[messageId];
  if (!r || template === undefined) throw new Error(`${ruleId}/${messageId} is not an audit rule message`);
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => {
    if (data[k] === undefined) throw new Error(`${ruleId}/${messageId}: no value for {{${k}}}`);
    return String(data[k]);
  });
  return { ruleId, messageId, severity: r.severity, message };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Number((x * 100).toPrecision(2))}%`);
const usd = (n: number | null) => (n === null ? 'an unknown amount' : formatUsd(n));

/** The advisor's answer, as the findings need it. */
export interface AdvisedOption {
  option: keyof typeof OPTION_NAMES;
  monthlyUsd: number | null;
  instanceType: string | null;
  scaleToZero: boolean;
}

/** The findings for one endpoint. */
export function auditFindings(e: DeployedEndpoint, m: Measurement | null, current: Current | null, advice: AdvisedOption | null, days: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  if (e.deleted) return [auditFinding('DA8006', 'deleted')];
  for (const p of e.problems) {
    const data = { service: p.service, operation: p.operation, code: p.code, message: p.message };
    const kind = /AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(p.code) ? 'accessDenied' : /Throttl|TooManyRequests|RequestLimitExceeded/i.test(p.code) ? 'throttled' : 'readFailed';
    out.push(auditFinding('DA8006', kind, data));
  }
  if (e.configMissing) out.push(auditFinding('DA8006', 'configMissing', { config: e.endpointConfigName ?? '(none)' }));
  const metricsRead = !e.problems.some((p) => p.service === 'cloudwatch');
  if (!m || !metricsRead) return out;

  const monthly = usd(current?.monthlyUsd ?? null);
  const idle = (m.invocations ?? 0) === 0 && !m.backlogMax;
  // Idle costs something only where capacity is kept: instances, or Serverless Provisioned Concurrency; not an endpoint scaled to zero.
  const keepsCapacity = e.variants.some((v) => (v.serverless ? (v.serverless.provisionedConcurrency ?? 0) > 0 : true)) && current?.monthlyUsd !== 0;
  if (idle && e.variants.length && keepsCapacity) out.push(auditFinding('DA8001', e.async ? 'idleAsync' : 'idle', { days, monthly }));

  // Oversized: more instances than the peak needs, or a type far bigger than its load.
  const util = limit('policy.target-utilisation');
  const threshold = limit('policy.audit-oversized-utilisation');
  if (!idle && m.peakRps !== null) {
    for (const v of e.variants) {
      const spec = v.instanceType ? instance(v.instanceType) : undefined;
      const count = v.currentInstanceCount ?? v.initialInstanceCount;
      if (!spec || count === null || v.serverless) continue;
      const p = m.processingSeconds ?? limit('policy.audit-processing-time');
      const needed = Math.max(limit('real-time.min-instances'), instancesFor(m.peakRps, p, workersOf(spec)));
      if (count > needed) out.push(auditFinding('DA8002', 'tooManyInstances', { count, type: spec.type, peak: formatRate(m.peakRps), needed, pct: Math.round(util * 100) }));
      const u = m.utilisation;
      const known = [u.cpu, u.memory, spec.gpus ? u.gpu : null].filter((x): x is number => x !== null);
      if (known.length && known.every((x) => x < threshold) && advice?.instanceType && advice.instanceType !== spec.type && advice.option === 'real-time') {
        out.push(auditFinding('DA8002', 'underused', { type: spec.type, cpu: pct(u.cpu), memory: pct(u.memory), gpu: spec.gpus ? pct(u.gpu) : 'no', suggested: advice.instanceType }));
      }
    }
  }

  // A cheaper option, by at least the policy share.
  if (advice && advice.monthlyUsd !== null && current?.monthlyUsd) {
    const saving = current.monthlyUsd - advice.monthlyUsd;
    if (saving >= current.monthlyUsd * limit('policy.audit-min-saving')) {
      const data = { usd: formatUsd(advice.monthlyUsd), current: formatUsd(current.monthlyUsd), option: OPTION_NAMES[advice.option] };
      const id =
        advice.scaleToZero && advice.option !== current.option
          ? 'scaleToZero'
          : advice.option === current.option
            ? advice.scaleToZero
              ? 'scaleToZero'
              : 'cheaperConfig'
            : ({ serverless: 'toServerless', async: 'toAsync', 'batch-transform': 'toBatch', 'real-time': 'toRealTime' } as const)[advice.option];
      out.push(auditFinding('DA8003', id, data));
    }
  }

  // Autoscaling: missing, or a minimum above what the average needs.
  const autoscalingRead = !e.problems.some((p) => p.service === 'application-autoscaling');
  if (autoscalingRead && !idle) {
    for (const c of e.inferenceComponents) if (!c.autoscaling) out.push(auditFinding('DA8004', 'missingComponent', { component: c.name, copies: c.copies ?? '?' }));
    for (const v of e.variants) {
      const spec = v.instanceType ? instance(v.instanceType) : undefined;
      if (v.serverless || !v.instanceType || e.inferenceComponents.length) continue;
      const count = v.currentInstanceCount ?? v.initialInstanceCount ?? 0;
      if (!v.autoscaling) {
        out.push(auditFinding('DA8004', 'missing', { variant: v.variantName, count }));
      } else if (spec && m.averageRps !== null) {
        const p = m.processingSeconds ?? limit('policy.audit-processing-time');
        const needed = Math.max(e.async ? limit('async.min-instances') : limit('real-time.min-instances'), instancesFor(m.averageRps, p, workersOf(spec)));
        if (v.autoscaling.minCapacity > needed) out.push(auditFinding('DA8004', 'minTooHigh', { variant: v.variantName, min: v.autoscaling.minCapacity, average: formatRate(m.averageRps), needed }));
      }
    }
  }

  // Errors and throttling.
  const total = m.invocations ?? 0;
  const share = limit('policy.audit-error-share');
  if (total > 0 && m.errors5xx / total >= share) out.push(auditFinding('DA8005', 'serverErrors', { count: groupThousands(m.errors5xx), share: pct(m.errors5xx / total), total: groupThousands(total) }));
  if (total > 0 && m.errors4xx / total >= share) out.push(auditFinding('DA8005', 'clientErrors', { count: groupThousands(m.errors4xx), share: pct(m.errors4xx / total), total: groupThousands(total) }));
  if (m.serverlessConcurrencyPeak !== null && m.serverlessConcurrencyPeak >= 1) out.push(auditFinding('DA8005', 'atMaxConcurrency', { peak: pct(m.serverlessConcurrencyPeak) }));
  if (m.backlogWithoutCapacity) out.push(auditFinding('DA8005', 'backlogWithoutCapacity'));
  return out;
}

/** The rule's documentation page (docs/rules/<id>.md), made from the rule. */
export function auditRulePage(r: AuditRule): string {
  const items = Object.entries(r.messages).map(([id, text]) => `- \`${id}\`: \`${text}\``);
  return `# ${r.id}: ${r.name}

**${r.title}**

Severity: ${r.severity}. Source: ${r.source.startsWith('http') ? `<${r.source}>` : `[${r.source}](../../${r.source})`}. Reported by \`deploy-advisor audit\`.

${r.description}

## Example

\`\`\`text
${r.example}
\`\`\`

## Messages

A finding's \`messageId\` (in JSON and SARIF output) is one of these; \`{{name}}\` is filled in from the finding.

${items.join('\n')}

<!-- Generated from src/rules/audit/rules.ts by scripts/gen-rule-docs.mjs; edit the rule, not this page. -->
`;
}
