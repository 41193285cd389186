// The instance catalog: common ml.* hosting and transform instance types as data, with sources.
// Used to pick the smallest instance that holds a model, and to know which types have local
// NVMe storage (CreateEndpointConfig rejects a KmsKeyId for those).

export interface InstanceType {
  readonly type: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly gpus: number;
  /** Memory of one GPU, GiB (0 for CPU types). */
  readonly gpuMemoryGiB: number;
  /** Local NVMe instance storage (no EBS volume; KmsKeyId not allowed). */
  readonly nvme: boolean;
  /** Listed in TransformInstanceType (usable by Batch Transform). */
  readonly transform: boolean;
}

export const CATALOG_SOURCES = [
  'https://aws.amazon.com/sagemaker/ai/pricing/',
  'https://aws.amazon.com/ec2/instance-types/',
  'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html',
  'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformResources.html',
] as const;
export const CATALOG_CHECKED = '2026-11-24';

/** Multi-model endpoints on GPU: single-GPU types of these families, with Triton (multi-model-support). */
export const MME_GPU_FAMILIES = ['p2', 'p3', 'g4dn', 'g5'] as const;
export const MME_GPU_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/multi-model-support.html';

type Size = [size: string, vcpu: number, memoryGiB: number, gpus?: number];

function family(name: string, sizes: Size[], o: { gpuMemoryGiB?: number; nvme: boolean; transform: boolean }): InstanceType[] {
  return sizes.map(([size, vcpu, memoryGiB, gpus = 0]) => ({
    type: `ml.${name}.${size}`,
    vcpu,
    memoryGiB,
    gpus,
    gpuMemoryGiB: gpus ? (o.gpuMemoryGiB ?? 0) : 0,
    nvme: o.nvme,
    transform: o.transform,
  }));
}

const M5: Size[] = [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['12xlarge', 48, 192], ['24xlarge', 96, 384]];
const C5: Size[] = [['large', 2, 4], ['xlarge', 4, 8], ['2xlarge', 8, 16], ['4xlarge', 16, 32], ['9xlarge', 36, 72], ['18xlarge', 72, 144]];
const R5: Size[] = [['large', 2, 16], ['xlarge', 4, 32], ['2xlarge', 8, 64], ['4xlarge', 16, 128], ['12xlarge', 48, 384], ['24xlarge', 96, 768]];
const G5: Size[] = [
  ['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1],
  ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1], ['24xlarge', 96, 384, 4], ['48xlarge', 192, 768, 8],
];

export const INSTANCES: readonly InstanceType[] = [
  ...family('t2', [['medium', 2, 4], ['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32]], { nvme: false, transform: false }),
  ...family('m5', M5, { nvme: false, transform: true }),
  ...family('m5d', M5, { nvme: true, transform: false }),
  ...family('c5', C5, { nvme: false, transform: true }),
  ...family('c5d', C5, { nvme: true, transform: false }),
  ...family('r5', R5, { nvme: false, transform: false }),
  ...family('r5d', R5, { nvme: true, transform: false }),
  ...family('m6i', [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['8xlarge', 32, 128], ['12xlarge', 48, 192], ['16xlarge', 64, 256], ['24xlarge', 96, 384], ['32xlarge', 128, 512]], { nvme: false, transform: true }),
  ...family('g4dn', [['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1], ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1]], { gpuMemoryGiB: 16, nvme: true, transform: true }),
  ...family('g5', G5, { gpuMemoryGiB: 24, nvme: true, transform: true }),
  ...family('g6', G5, { gpuMemoryGiB: 24, nvme: true, transform: true }),
  ...family('p3', [['2xlarge', 8, 61, 1], ['8xlarge', 32, 244, 4], ['16xlarge', 64, 488, 8]], { gpuMemoryGiB: 16, nvme: false, transform: true }),
  ...family('p4d', [['24xlarge', 96, 1152, 8]], { gpuMemoryGiB: 40, nvme: true, transform: false }),
  ...family('p5', [['48xlarge', 192, 2048, 8]], { gpuMemoryGiB: 80, nvme: true, transform: false }),
];

const BY_TYPE = new Map(INSTANCES.map((i) => [i.type, i]));

export function instance(type: string): InstanceType | undefined {
  return BY_TYPE.get(type);
}

export const familyOf = (type: string) => type.split('.')[1] ?? '';

/**
 * Hosting instance families in the ProductionVariantInstanceType enum (botocore 1.43.11), and
 * whether their instances have local NVMe storage. Used to recognise ml.* types beyond the
 * catalog above and to know where a KmsKeyId is rejected.
 */
export const HOSTING_FAMILIES: Readonly<Record<string, { nvme: boolean }>> = Object.fromEntries([
  ...['t2', 't3', 'm4', 'm5', 'm6i', 'm6g', 'm7i', 'm8g', 'c4', 'c5', 'c6i', 'c6in', 'c6g', 'c6gn', 'c7g', 'c7i', 'c8g', 'r5', 'r6i', 'r6g', 'r7i', 'r8g', 'p2', 'p3', 'inf1', 'inf2']
    .map((f) => [f, { nvme: false }] as const),
  ...['m5d', 'm6id', 'm6gd', 'c5d', 'c6id', 'c6gd', 'r5d', 'r6id', 'r6gd', 'r7gd', 'g4dn', 'g5', 'g6', 'g6e', 'g7e', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'p6-b300', 'p6e-gb200', 'trn1', 'trn1n', 'trn2', 'dl1']
    .map((f) => [f, { nvme: true }] as const),
]);
export const HOSTING_FAMILIES_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html';

/** Whether an ml.* type has local NVMe storage: true, false, or null when its family is unknown. */
export function hasNvme(type: string): boolean | null {
  const known = instance(type);
  if (known) return known.nvme;
  return HOSTING_FAMILIES[familyOf(type)]?.nvme ?? null;
}
