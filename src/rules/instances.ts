// The instance catalog: specs (vCPU, memory, GPUs) of common ml.* types, with sources.
// Whether a type may host an endpoint or run a transform job is not decided here: it comes
// from the API model's ProductionVariantInstanceType and TransformInstanceType (./api).
// FAMILIES is the one table of local NVMe storage (CreateEndpointConfig rejects a KmsKeyId for
// those), used by the generator and by lint alike.

import { canHost, canTransform } from './api';

export interface InstanceType {
  readonly type: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly gpus: number;
  /** Usable memory of one GPU, GiB, as the driver reports it (0 for CPU types); less than the marketed size. */
  readonly gpuMemoryGiB: number;
  /** Local NVMe instance storage (no EBS volume; KmsKeyId not allowed). */
  readonly nvme: boolean;
}

export const CATALOG_SOURCES = [
  'https://aws.amazon.com/sagemaker/ai/pricing/',
  'https://aws.amazon.com/ec2/instance-types/',
  'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html',
  'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformResources.html',
  // Usable GPU memory (nvidia-smi totals): T4 15360 MiB, A10G 23028 MiB, L4 23034 MiB, L40S 46068 MiB, A100 40GB 40960 MiB, H100 81559 MiB.
  'https://github.com/modal-labs/modal-client/pull/2797',
  // The same A10G total on an AWS g5 instance.
  'https://github.com/NVIDIA/DCGM/issues/232',
  // V100 16GB on p3.16xlarge: 16152 MiB.
  'https://github.com/vantage-sh/ec2instances.info/issues/289',
] as const;
export const CATALOG_CHECKED = '2026-11-25';

/** Multi-model endpoints on GPU: single-GPU types of these families, with Triton (multi-model-support). */
export const MME_GPU_FAMILIES = ['p2', 'p3', 'g4dn', 'g5'] as const;
export const MME_GPU_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/multi-model-support.html';

/**
 * Every instance family of ProductionVariantInstanceType and TransformInstanceType, and whether its
 * instances have local NVMe storage (null: not known). A test checks that the API model's lists
 * hold no family missing here.
 */
export const FAMILIES: Readonly<Record<string, { nvme: boolean | null }>> = Object.fromEntries([
  ...['t2', 't3', 'm4', 'm5', 'm6i', 'm6g', 'm7i', 'm8g', 'c4', 'c5', 'c6i', 'c6in', 'c6g', 'c6gn', 'c7g', 'c7i', 'c8g', 'r5', 'r6i', 'r6g', 'r7i', 'r8g', 'p2', 'p3', 'inf1', 'inf2']
    .map((f) => [f, { nvme: false }] as const),
  ...['m5d', 'm6id', 'm6gd', 'c5d', 'c6id', 'c6gd', 'r5d', 'r6id', 'r6gd', 'r7gd', 'g4dn', 'g5', 'g6', 'g6e', 'g7e', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'p6-b300', 'p6e-gb200', 'trn1', 'trn1n', 'trn2', 'dl1']
    .map((f) => [f, { nvme: true }] as const),
  ...['g7'].map((f) => [f, { nvme: null }] as const),
]);
export const FAMILIES_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html';

export const familyOf = (type: string) => type.split('.')[1] ?? '';

type Size = [size: string, vcpu: number, memoryGiB: number, gpus?: number];
const MIB_PER_GIB = 1024;

function family(name: string, sizes: Size[], gpuMemoryMiB = 0): InstanceType[] {
  const nvme = FAMILIES[name]?.nvme;
  if (typeof nvme !== 'boolean') throw new Error(`catalog family ${name} has no NVMe entry in FAMILIES`);
  return sizes.map(([size, vcpu, memoryGiB, gpus = 0]) => ({
    type: `ml.${name}.${size}`,
    vcpu,
    memoryGiB,
    gpus,
    gpuMemoryGiB: gpus ? gpuMemoryMiB / MIB_PER_GIB : 0,
    nvme,
  }));
}

const M5: Size[] = [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['12xlarge', 48, 192], ['24xlarge', 96, 384]];
const C5: Size[] = [['large', 2, 4], ['xlarge', 4, 8], ['2xlarge', 8, 16], ['4xlarge', 16, 32], ['9xlarge', 36, 72], ['18xlarge', 72, 144]];
const R5: Size[] = [['large', 2, 16], ['xlarge', 4, 32], ['2xlarge', 8, 64], ['4xlarge', 16, 128], ['12xlarge', 48, 384], ['24xlarge', 96, 768]];
const G5: Size[] = [
  ['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1],
  ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1], ['24xlarge', 96, 384, 4], ['48xlarge', 192, 768, 8],
];
const G6E: Size[] = [
  ['xlarge', 4, 32, 1], ['2xlarge', 8, 64, 1], ['4xlarge', 16, 128, 1], ['8xlarge', 32, 256, 1],
  ['12xlarge', 48, 384, 4], ['16xlarge', 64, 512, 1], ['24xlarge', 96, 768, 4], ['48xlarge', 192, 1536, 8],
];

// Usable memory of one GPU, MiB (nvidia-smi total; see CATALOG_SOURCES).
const T4 = 15360;
const A10G = 23028;
const L4 = 23034;
const L40S = 46068;
const V100 = 16152;
const A100_40 = 40960;
const H100 = 81559;

export const INSTANCES: readonly InstanceType[] = [
  ...family('t2', [['medium', 2, 4], ['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32]]),
  ...family('m5', M5),
  ...family('m5d', M5),
  ...family('c5', C5),
  ...family('c5d', C5),
  ...family('r5', R5),
  ...family('r5d', R5),
  ...family('m6i', [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['8xlarge', 32, 128], ['12xlarge', 48, 192], ['16xlarge', 64, 256], ['24xlarge', 96, 384], ['32xlarge', 128, 512]]),
  ...family('m7i', [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['8xlarge', 32, 128], ['12xlarge', 48, 192], ['16xlarge', 64, 256], ['24xlarge', 96, 384], ['48xlarge', 192, 768]]),
  ...family('g4dn', [['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1], ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1]], T4),
  ...family('g5', G5, A10G),
  ...family('g6', G5, L4),
  ...family('g6e', G6E, L40S),
  ...family('p3', [['2xlarge', 8, 61, 1], ['8xlarge', 32, 244, 4], ['16xlarge', 64, 488, 8]], V100),
  ...family('p4d', [['24xlarge', 96, 1152, 8]], A100_40),
  ...family('p5', [['48xlarge', 192, 2048, 8]], H100),
];

const BY_TYPE = new Map(INSTANCES.map((i) => [i.type, i]));

export function instance(type: string): InstanceType | undefined {
  return BY_TYPE.get(type);
}

/** Whether an ml.* type has local NVMe storage: true, false, or null when its family is unknown. */
export function hasNvme(type: string): boolean | null {
  return FAMILIES[familyOf(type)]?.nvme ?? null;
}

/** Whether the API accepts the type for this use (endpoint hosting, or a transform job). */
export function acceptedFor(type: string, use: 'hosting' | 'transform'): boolean {
  return use === 'transform' ? canTransform(type) : canHost(type);
}
