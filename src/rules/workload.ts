// A workload in base units: bytes and seconds. The CLI turns flags, answers files and prompts
// into this; the engine reads nothing else.

/** When the traffic comes, as --active-hours gives it (parsed by src/rules/advise/active-hours.ts). */
export interface ActiveHours {
  /** Active days, 0 = Sunday .. 6 = Saturday, ascending. */
  days: number[];
  /** Start and end of the active hours, minutes after local midnight (end <= 1440). */
  startMinute: number;
  endMinute: number;
  /** IANA time zone as Application Auto Scaling takes it (UTC is Etc/UTC). */
  timeZone: string;
}

export const TRAFFIC = ['sustained', 'intermittent', 'unpredictable'] as const;
export type Traffic = (typeof TRAFFIC)[number];

export interface Workload {
  /** All data is available up front and processed offline. */
  batch: boolean;
  /** Largest request payload in bytes (for batch: the largest record or mini-batch). */
  payloadBytes: number;
  /** Worst-case model time per request, in seconds. */
  processingSeconds: number;
  /** The answer time callers need, in seconds; null when they can wait for a queued result (and for batch). */
  latencySeconds: number | null;
  /** The model streams its response (InvokeEndpointWithResponseStream). */
  streaming: boolean;
  /** Traffic pattern; null for batch. */
  traffic: Traffic | null;
  /** Model size in memory, in bytes; null when not known. With several sizes, the largest. */
  modelSizeBytes: number | null;
  /** Each model's size in memory, in bytes, when given one by one (as many as models). */
  modelSizes?: number[];
  gpu: boolean;
  /** Models behind one endpoint (>= 1). */
  models: number;
  /** Distinct frameworks (containers) among those models (>= 1, <= models). */
  frameworks: number;
  /** Containers chained per request (1: no pipeline). */
  pipeline: number;
  /** Container image size in bytes, when given (Serverless takes images up to serverless.image-size). */
  imageSizeBytes?: number;
  /** Request content type; null when not known. */
  contentType: string | null;
  /** Requests one model copy serves at once (model-server workers, or an LLM container's batch), when given. */
  concurrencyPerCopy?: number;
  /** Models in regular use on a multi-model endpoint, when fewer than all. */
  hotModels?: number;
  /** When the traffic comes (outside these hours the fleet goes to its minimum), when given. */
  activeHours?: ActiveHours;
}
