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
  /**
   * What accelerates it: NVIDIA GPUs (CUDA containers), AWS Neuron devices (Inferentia/Trainium: Neuron
   * containers only, never a CUDA image), or none. `gpus` and `gpuMemoryGiB` count NVIDIA GPUs only.
   */
  readonly accelerator: AcceleratorKind;
  /** Accelerator devices (NVIDIA GPUs, or Neuron chips), and the memory of one, GiB. */
  readonly accelerators: number;
  readonly acceleratorMemoryGiB: number;
}

export type AcceleratorKind = 'none' | 'nvidia' | 'neuron';

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

/** Where each family's specs (vCPU, memory, accelerators and their memory, local storage) come from, and when they were checked. */
export interface SpecSource {
  readonly url: string;
  readonly checked: string;
  readonly note?: string;
}
const EC2_DOC = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/';
const HYPERPOD = 'aws/sagemaker-hyperpod-cli@d4622437037ed2b3cf394fd9051592518bbfde7e:src/sagemaker/hyperpod/training/quota_allocation_util.py INSTANCE_RESOURCES (ml.* vCPU, GPUs, memory GiB)';
const NEW_CHECKED = '2026-12-06';
const spec = (url: string, checked = CATALOG_CHECKED, note?: string): SpecSource => ({ url, checked, ...(note ? { note } : {}) });
export const SPEC_SOURCES: Readonly<Record<string, SpecSource>> = {
  t2: spec(`${EC2_DOC}gp.html`),
  m5: spec(`${EC2_DOC}gp.html`),
  m5d: spec(`${EC2_DOC}gp.html`),
  m6i: spec(`${EC2_DOC}gp.html`),
  m7i: spec(`${EC2_DOC}gp.html`, NEW_CHECKED, HYPERPOD),
  c5: spec(`${EC2_DOC}co.html`),
  c5d: spec(`${EC2_DOC}co.html`),
  c7i: spec(`${EC2_DOC}co.html`, NEW_CHECKED, 'c7i: 2 GiB per vCPU, large (2 vCPU) to 48xlarge (192 vCPU), EBS only'),
  r5: spec(`${EC2_DOC}mo.html`),
  r5d: spec(`${EC2_DOC}mo.html`),
  r7i: spec(`${EC2_DOC}mo.html`, NEW_CHECKED, HYPERPOD),
  g4dn: spec(`${EC2_DOC}ac.html`),
  g5: spec(`${EC2_DOC}ac.html`),
  g6: spec(`${EC2_DOC}ac.html`),
  g6e: spec(`${EC2_DOC}ac.html`, NEW_CHECKED, HYPERPOD),
  g7e: spec(
    'https://aws.amazon.com/ec2/instance-types/g7e/',
    NEW_CHECKED,
    'NVIDIA RTX PRO 6000 Blackwell Server Edition, 96 GB each; 97887 MiB usable (nvidia-smi readings in public repositories); ml.g7e sizes as in aws/sagemaker-hyperpod-cli PR #390',
  ),
  p3: spec(`${EC2_DOC}ac.html`),
  p4d: spec(`${EC2_DOC}ac.html`),
  p4de: spec('https://aws.amazon.com/ec2/instance-types/p4/', NEW_CHECKED, `8 x A100 80GB (81920 MiB usable, nvidia-smi); ${HYPERPOD}`),
  p5: spec('https://aws.amazon.com/ec2/instance-types/p5/', NEW_CHECKED, `p5.48xlarge 8 x H100, p5.4xlarge 1 x H100 (81559 MiB usable); ${HYPERPOD}`),
  p5e: spec('https://aws.amazon.com/ec2/instance-types/p5/', NEW_CHECKED, `8 x H200 141 GB (143771 MiB usable, nvidia-smi); ${HYPERPOD}`),
  p5en: spec('https://aws.amazon.com/ec2/instance-types/p5/', NEW_CHECKED, `8 x H200 141 GB (143771 MiB usable, nvidia-smi); ${HYPERPOD}`),
  inf2: spec(
    'https://aws.amazon.com/ec2/instance-types/inf2/',
    NEW_CHECKED,
    'AWS Inferentia2: 1, 1, 6 or 12 chips of 32 GB each (https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html); Neuron containers only',
  ),
};

/**
 * Families of the API model that the catalog leaves out, and why (a test keeps this list and the
 * catalog covering every family of ProductionVariantInstanceType and TransformInstanceType).
 */
export const NOT_IN_CATALOG: Readonly<Record<string, string>> = {
  g7: 'in the API model for hosting, but no sourced specs (vCPU, memory, GPU memory, local storage) were found',
};

/** Multi-model endpoints on GPU: single-GPU types of these families, with Triton (multi-model-support). */
export const MME_GPU_FAMILIES = ['p2', 'p3', 'g4dn', 'g5'] as const;
export const MME_GPU_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/multi-model-support.html';

/**
 * Every instance family of ProductionVariantInstanceType and TransformInstanceType, and whether its
 * instances have local NVMe storage (null: not known). A test checks that the API model's lists
 * hold no family missing here.
 */
export const FAMILIES: Readonly<Record<string, { nvme: boolean | null }>> = Object.fromEntries([
  ...['t2', 't3', 'm4', 'm5', 'm6i', 'm6g', 'm7i', 'm8g', 'c4', 'c5', 'c6i', 'c6in', 'c6g', 'c6gn', 'c7g', 'c7i', 'c8g', 'r5', 'r6i', 'r6g', 'r7i', 'r8g', 'p2', 'p3', 'inf1', 'inf2'].map((f) => [f, { nvme: false }] as const),
  ...['m5d', 'm6id', 'm6gd', 'c5d', 'c6id', 'c6gd', 'r5d', 'r6id', 'r6gd', 'r7gd', 'g4dn', 'g5', 'g6', 'g6e', 'g7e', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'p6-b300', 'p6e-gb200', 'trn1', 'trn1n', 'trn2', 'dl1'].map(
    (f) => [f, { nvme: true }] as const,
  ),
  ...['g7'].map((f) => [f, { nvme: null }] as const),
]);
export const FAMILIES_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html';

export const familyOf = (type: string) => type.split('.')[1] ?? '';

type Size = [size: string, vcpu: number, memoryGiB: number, devices?: number];
const MIB_PER_GIB = 1024;

/** A family's specs: the accelerator, the memory of one device (MiB) and where the numbers come from. */
interface FamilySpec {
  readonly accelerator?: AcceleratorKind;
  readonly deviceMemoryMiB?: number;
}

function family(name: string, sizes: Size[], gpuMemoryMiB = 0, spec: FamilySpec = {}): InstanceType[] {
  const nvme = FAMILIES[name]?.nvme;
  if (typeof nvme !== 'boolean') throw new Error(`catalog family ${name} has no NVMe entry in FAMILIES`);
  if (!SPEC_SOURCES[name]) throw new Error(`catalog family ${name} has no entry in SPEC_SOURCES`);
  const accelerator: AcceleratorKind = spec.accelerator ?? (gpuMemoryMiB ? 'nvidia' : 'none');
  const deviceMiB = spec.deviceMemoryMiB ?? gpuMemoryMiB;
  return sizes.map(([size, vcpu, memoryGiB, devices = 0]) => ({
    type: `ml.${name}.${size}`,
    vcpu,
    memoryGiB,
    gpus: accelerator === 'nvidia' ? devices : 0,
    gpuMemoryGiB: accelerator === 'nvidia' && devices ? gpuMemoryMiB / MIB_PER_GIB : 0,
    nvme,
    accelerator,
    accelerators: devices,
    acceleratorMemoryGiB: devices ? deviceMiB / MIB_PER_GIB : 0,
  }));
}

const M5: Size[] = [
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
  ['4xlarge', 16, 64],
  ['12xlarge', 48, 192],
  ['24xlarge', 96, 384],
];
const C5: Size[] = [
  ['large', 2, 4],
  ['xlarge', 4, 8],
  ['2xlarge', 8, 16],
  ['4xlarge', 16, 32],
  ['9xlarge', 36, 72],
  ['18xlarge', 72, 144],
];
const R5: Size[] = [
  ['large', 2, 16],
  ['xlarge', 4, 32],
  ['2xlarge', 8, 64],
  ['4xlarge', 16, 128],
  ['12xlarge', 48, 384],
  ['24xlarge', 96, 768],
];
const G5: Size[] = [
  ['xlarge', 4, 16, 1],
  ['2xlarge', 8, 32, 1],
  ['4xlarge', 16, 64, 1],
  ['8xlarge', 32, 128, 1],
  ['12xlarge', 48, 192, 4],
  ['16xlarge', 64, 256, 1],
  ['24xlarge', 96, 384, 4],
  ['48xlarge', 192, 768, 8],
];
const G6E: Size[] = [
  ['xlarge', 4, 32, 1],
  ['2xlarge', 8, 64, 1],
  ['4xlarge', 16, 128, 1],
  ['8xlarge', 32, 256, 1],
  ['12xlarge', 48, 384, 4],
  ['16xlarge', 64, 512, 1],
  ['24xlarge', 96, 768, 4],
  ['48xlarge', 192, 1536, 8],
];

// Usable memory of one GPU, MiB (nvidia-smi total; see CATALOG_SOURCES).
const T4 = 15360;
const A10G = 23028;
const L4 = 23034;
const L40S = 46068;
const V100 = 16152;
const A100_40 = 40960;
const H100 = 81559;
const A100_80 = 81920;
const H200 = 143771;
const RTX_PRO_6000 = 97887;
/** AWS Inferentia2: 32 GB of HBM per chip (Neuron documentation). */
const INFERENTIA2_MIB = 32 * MIB_PER_GIB;
const SEVENTH_GEN = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'] as const;
/** m7i, c7i, r7i: vCPUs by size, and GiB of memory per vCPU. */
const seventh = (gibPerVcpu: number): Size[] =>
  SEVENTH_GEN.map((size) => {
    const vcpu = size === 'large' ? 2 : size === 'xlarge' ? 4 : 4 * Number(size.replace('xlarge', ''));
    return [size, vcpu, vcpu * gibPerVcpu];
  });

export const INSTANCES: readonly InstanceType[] = [
  ...family('t2', [
    ['medium', 2, 4],
    ['large', 2, 8],
    ['xlarge', 4, 16],
    ['2xlarge', 8, 32],
  ]),
  ...family('m5', M5),
  ...family('m5d', M5),
  ...family('c5', C5),
  ...family('c5d', C5),
  ...family('r5', R5),
  ...family('r5d', R5),
  ...family('m6i', [
    ['large', 2, 8],
    ['xlarge', 4, 16],
    ['2xlarge', 8, 32],
    ['4xlarge', 16, 64],
    ['8xlarge', 32, 128],
    ['12xlarge', 48, 192],
    ['16xlarge', 64, 256],
    ['24xlarge', 96, 384],
    ['32xlarge', 128, 512],
  ]),
  ...family('m7i', seventh(4)),
  ...family('c7i', seventh(2)),
  ...family('r7i', seventh(8)),
  ...family(
    'g4dn',
    [
      ['xlarge', 4, 16, 1],
      ['2xlarge', 8, 32, 1],
      ['4xlarge', 16, 64, 1],
      ['8xlarge', 32, 128, 1],
      ['12xlarge', 48, 192, 4],
      ['16xlarge', 64, 256, 1],
    ],
    T4,
  ),
  ...family('g5', G5, A10G),
  ...family('g6', G5, L4),
  ...family('g6e', G6E, L40S),
  ...family(
    'p3',
    [
      ['2xlarge', 8, 61, 1],
      ['8xlarge', 32, 244, 4],
      ['16xlarge', 64, 488, 8],
    ],
    V100,
  ),
  ...family('p4d', [['24xlarge', 96, 1152, 8]], A100_40),
  ...family('p4de', [['24xlarge', 96, 1152, 8]], A100_80),
  ...family(
    'p5',
    [
      ['4xlarge', 16, 256, 1],
      ['48xlarge', 192, 2048, 8],
    ],
    H100,
  ),
  ...family('p5e', [['48xlarge', 192, 2048, 8]], H200),
  ...family('p5en', [['48xlarge', 192, 2048, 8]], H200),
  ...family(
    'g7e',
    [
      ['2xlarge', 8, 64, 1],
      ['4xlarge', 16, 128, 1],
      ['8xlarge', 32, 256, 1],
      ['12xlarge', 48, 512, 2],
      ['24xlarge', 96, 1024, 4],
      ['48xlarge', 192, 2048, 8],
    ],
    RTX_PRO_6000,
  ),
  ...family(
    'inf2',
    [
      ['xlarge', 4, 16, 1],
      ['8xlarge', 32, 128, 1],
      ['24xlarge', 96, 384, 6],
      ['48xlarge', 192, 768, 12],
    ],
    0,
    { accelerator: 'neuron', deviceMemoryMiB: INFERENTIA2_MIB },
  ),
];

const BY_TYPE = new Map(INSTANCES.map((i) => [i.type, i]));

export function instance(type: string): InstanceType | undefined {
  return BY_TYPE.get(type);
}

/** Whether a container built for NVIDIA GPUs (CUDA) can run on the type: false on Neuron and CPU types, null when unknown. */
export function runsCudaContainers(type: string): boolean | null {
  const i = BY_TYPE.get(type);
  return i ? i.accelerator === 'nvidia' : null;
}

/** Whether the catalog holds no type that the API accepts for the use and that has this much memory (host, and on GPU types the GPUs of one instance). */
export function noInstanceHolds(needBytes: number, gpu: boolean, use: 'hosting' | 'transform'): boolean {
  const GIB = 1024 ** 3;
  return !INSTANCES.some((i) => acceptedFor(i.type, use) && i.memoryGiB * GIB >= needBytes && (!gpu || (i.gpus > 0 && i.gpus * i.gpuMemoryGiB * GIB >= needBytes)));
}

/** Whether an ml.* type has local NVMe storage: true, false, or null when its family is unknown. */
export function hasNvme(type: string): boolean | null {
  return FAMILIES[familyOf(type)]?.nvme ?? null;
}

/** Whether the API accepts the type for this use (endpoint hosting, or a transform job). */
export function acceptedFor(type: string, use: 'hosting' | 'transform'): boolean {
  return use === 'transform' ? canTransform(type) : canHost(type);
}
