// Reasons are structured: an id from the list below (like lint's message ids), the prose every
// output shows, and the numbers or names it was made from. Code that picks a reason out (the
// break-even line, the reasons a cost decision replaces) matches the id, never the prose.

export const REASON_IDS = [
  // the flowchart (src/rules/advise/engine.ts)
  'limits.fit', // the payload and processing time fit the chosen option's limits
  'limits.real-time-payload', // payloads above Real-Time's limit: Async first
  'limits.real-time-timeout', // processing above Real-Time's limit: Async first
  'limits.streaming', // a streamed response would let Real-Time answer
  'limits.timeout-default', // processing above the default timeout: set the timeout
  'traffic.can-wait', // callers can wait for a queued result
  'traffic.intermittent', // intermittent or unpredictable: Serverless scales to zero
  'traffic.sustained', // sustained: Real-Time keeps instances warm
  'traffic.sustained-latency', // sustained with an answer time
  'async.queue', // what Asynchronous Inference offers
  'async.latency', // results arrive after the queue's overhead
  'async.ruled-out', // Async would come first but does not fit
  'serverless.ruled-out', // low traffic, but Serverless does not fit
  'serverless.memory', // the memory size for the model
  'serverless.memory-assumed', // no model size: the smallest memory size
  'serverless.cold-starts', // callers can ride out cold starts
  'serverless.provisioned', // callers cannot wait out a cold start: one unit of Provisioned Concurrency
  'serverless.provisioned-cost', // what that unit costs a month (from the plan)
  'real-time.autoscaling', // Real-Time keeps an instance: autoscale
  'batch.up-front', // the data is available up front
  'batch.records-fit', // records fit MaxPayloadInMB
  'batch.records-too-large', // records above MaxPayloadInMB: Async instead
  'batch.csv', // split CSV by line
  'batch.per-model', // one transform job per model
  'arch.serial-pipeline',
  'arch.multi-container',
  'arch.multi-container-models', // more models than containers
  'arch.multi-model',
  'arch.multi-model-gpu', // GPU multi-model endpoints need Triton
  'ic.cpu-size-spread', // CPU models too different in size to share a container
  'ic.gpu-frameworks', // GPU models in different containers
  'ic.gpu-sizes', // GPU models of different sizes
  'ic.gpu-memory', // GPU models too large for a multi-model endpoint's GPU
  'ic.scale-to-zero', // a GPU model idle between bursts
  'ic.warm-cost', // what keeping one instance warm costs (built-in prices)
  'ic.cold-start', // the cold start after scaling to zero
  'ic.no-scale-to-zero', // low traffic, but callers cannot wait out a scale-out from zero
  'ic.sustained', // sustained GPU models keep warm copies
  'ic.invoke', // invoke with InferenceComponentName
  // the choice by cost (src/rules/advise/cost-choice.ts)
  'cost.only-fit',
  'cost.only-compared-fit',
  'cost.cheapest',
  'cost.no-longer-fits', // the break-even is a limit: past it the cheapest no longer fits
  'cost.break-even',
  'cost.stays-cheaper',
  // the CLI's costing (src/cli/costing.ts)
  'cost.traffic-ruled-out', // an option that fits the flowchart does not fit the traffic
  'cost.check-passed', // a limit the cost-chosen option passes
  'ic.scaled-to-zero-cost', // scaling to zero saves enough
  'ic.stays-warm', // scaling to zero saves too little
] as const;

export type ReasonId = (typeof REASON_IDS)[number];

export interface Reason {
  id: ReasonId;
  /** What every output shows (text, header comments, JSON reasons). */
  text: string;
  data?: Record<string, string | number>;
}

export function reason(id: ReasonId, text: string, data?: Reason['data']): Reason {
  return data ? { id, text, data } : { id, text };
}

/** The reasons as the outputs show them. */
export const reasonTexts = (rs: readonly Reason[]): string[] => rs.map((r) => r.text);
