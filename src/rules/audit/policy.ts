// The calls `deploy-advisor audit` makes, and the least-privilege IAM policy that allows exactly
// those: one list, printed by `audit --print-policy`, shown in the README, and checked by a test
// against the SDK commands the reader sends.

/** Every API operation audit calls, by IAM service prefix. Only Describe, List and Get. */
export const AUDIT_ACTIONS = {
  sagemaker: ['ListEndpoints', 'DescribeEndpoint', 'DescribeEndpointConfig', 'ListInferenceComponents', 'DescribeInferenceComponent'],
  'application-autoscaling': ['DescribeScalableTargets', 'DescribeScalingPolicies'],
  cloudwatch: ['GetMetricData'],
} as const;

/** The IAM policy document, as JSON text. */
export function auditPolicy(): string {
  const actions = Object.entries(AUDIT_ACTIONS).flatMap(([svc, ops]) => ops.map((op) => `${svc}:${op}`));
  const doc = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DeployAdvisorAuditReadOnly',
        Effect: 'Allow',
        Action: actions,
        // List and GetMetricData take no resource; Describe* could be narrowed to endpoint ARNs.
        Resource: '*',
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
