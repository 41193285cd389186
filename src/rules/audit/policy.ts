// The calls `deploy-advisor audit` makes, and the least-privilege IAM policy that allows exactly
// those: one list, printed by `audit --print-policy`, shown in the README, and checked by a test
// against the SDK commands the reader sends.

/** Every API operation audit calls, by IAM service prefix. Only Describe, List and Get. */
export const AUDIT_ACTIONS = {
  sagemaker: ['ListEndpoints', 'DescribeEndpoint', 'DescribeEndpointConfig', 'ListInferenceComponents', 'DescribeInferenceComponent'],
  'application-autoscaling': ['DescribeScalableTargets', 'DescribeScalingPolicies'],
  cloudwatch: ['GetMetricData'],
} as const;

/**
 * What `audit --quotas` calls besides: the account's SageMaker quotas, and the AWS defaults for
 * those the account's list leaves out. Only in the policy printed with --quotas.
 */
export const AUDIT_QUOTA_ACTIONS = { servicequotas: ['ListServiceQuotas', 'ListAWSDefaultServiceQuotas'] } as const;

/** The IAM policy document, as JSON text; with `quotas`, a second statement for `audit --quotas`. */
export function auditPolicy(quotas = false): string {
  const actions = (a: Record<string, readonly string[]>) => Object.entries(a).flatMap(([svc, ops]) => ops.map((op) => `${svc}:${op}`));
  const doc = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DeployAdvisorAuditReadOnly',
        Effect: 'Allow',
        Action: actions(AUDIT_ACTIONS),
        // List and GetMetricData take no resource; Describe* could be narrowed to endpoint ARNs.
        Resource: '*',
      },
      // Service Quotas' List calls take no resource either.
      ...(quotas ? [{ Sid: 'DeployAdvisorAuditQuotas', Effect: 'Allow', Action: actions(AUDIT_QUOTA_ACTIONS), Resource: '*' }] : []),
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
