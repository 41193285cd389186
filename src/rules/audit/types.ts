// What `deploy-advisor audit` reads about one deployed endpoint, as plain data: the reader
// (src/cli/audit/read.ts) fills it from the AWS APIs, tests from recorded responses, and the pure
// functions beside this file turn it into a workload, a cost and findings.

/** One production variant of the endpoint config, with what DescribeEndpoint says of it now. */
export interface DeployedVariant {
  variantName: string;
  /** null for Serverless variants. */
  instanceType: string | null;
  /** DescribeEndpoint's CurrentInstanceCount; null when not reported. */
  currentInstanceCount: number | null;
  /** The endpoint config's InitialInstanceCount. */
  initialInstanceCount: number | null;
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  /** ManagedInstanceScaling of the variant (inference-component endpoints). */
  managedInstanceScaling: { status: string; minInstanceCount: number | null; maxInstanceCount: number | null } | null;
  /** Application Auto Scaling target on the variant's DesiredInstanceCount; null when none is registered (or unknown, see errors). */
  autoscaling: { minCapacity: number; maxCapacity: number; policies: string[] } | null;
}

export interface DeployedInferenceComponent {
  name: string;
  variantName: string | null;
  copies: number | null;
  memoryMB: number | null;
  accelerators: number | null;
  /** Application Auto Scaling target on the component's DesiredCopyCount. */
  autoscaling: { minCapacity: number; maxCapacity: number; policies: string[] } | null;
}

/** A call that failed for this endpoint: access denied, throttled past the retries, not found. */
export interface ReadProblem {
  service: 'sagemaker' | 'application-autoscaling' | 'cloudwatch';
  operation: string;
  /** The error's name (AccessDeniedException, ThrottlingException, ValidationException...). */
  code: string;
  message: string;
}

export interface DeployedEndpoint {
  endpointName: string;
  endpointArn: string | null;
  endpointConfigName: string | null;
  status: string | null;
  /** The config has an AsyncInferenceConfig. */
  async: boolean;
  variants: DeployedVariant[];
  inferenceComponents: DeployedInferenceComponent[];
  /** The endpoint was listed but is gone now (deleted mid-run). */
  deleted: boolean;
  /** DescribeEndpointConfig failed: the config was deleted, or could not be read (see problems). */
  configMissing: boolean;
  problems: ReadProblem[];
}

/** The CloudWatch statistics audit asks for. */
export type Stat = 'Sum' | 'Average' | 'Maximum' | 'p90';

/** Hourly values of one metric and statistic over the window (hours with no data are absent, not 0). */
export interface Series {
  namespace: string;
  metric: string;
  stat: Stat;
  /** The dimension the series is for: a variant, the endpoint, or an inference component. */
  scope: { variantName?: string; inferenceComponentName?: string };
  /** ISO start of each hour that has data, oldest first. */
  timestamps: string[];
  /** The value of each of those hours. */
  values: number[];
}

/** The window audit measured. */
export interface Window {
  start: string;
  end: string;
  days: number;
  /** CloudWatch period of each value, seconds. */
  periodSeconds: number;
}

export interface EndpointMetrics {
  series: Series[];
  /** Statistics the service did not give (percentiles on some services): what fell back to what. */
  fallbacks: string[];
}
