// One up-time model for every plan that scales to zero (issue 19): Asynchronous endpoints and
// inference components alike. Pure: no CLI words, no prices.
//
// Requests arrive as a Poisson process at rate λ. The endpoint is at zero; a request wakes it,
// and the wake bills a start-up S (instance launch, image pull, model load) before the first
// request is served (requests that arrive meanwhile queue, or fail on inference components).
// From then on it stays up until no request has arrived for the scale-in delay D: what the
// generated scale-in alarm and cooldown actually wait. A request keeps its instance busy for its
// processing time p, so a gap must exceed D + p for the endpoint to scale in.
//
// The time from the end of start-up until the first gap longer than G = D + p is
//   E[T] = E[min(X, G)] + P(X < G) E[T], X ~ Exp(λ)   =>   E[T] = (e^{λG} - 1) / λ
// (memorylessness: every arrival restarts the wait). After scaling in, the next request comes
// after 1/λ on average. So one cycle lasts, on average,
//   up = S + (e^{λG} - 1)/λ,   down = 1/λ,   cycle = S + e^{λG}/λ
// and the endpoint is up a fraction up / cycle of the time, waking month / cycle times a month.

export interface UptimeInput {
  /** Mean arrival rate, requests per second. */
  perSecond: number;
  /** Scale-in delay D: time without requests before the endpoint scales to zero, seconds. */
  scaleInDelaySeconds: number;
  /** Billed start-up S of each wake, seconds. */
  startupSeconds: number;
  /** Processing time p of one request, seconds (default 0). */
  processingSeconds?: number;
  /** Length of the month, seconds (policy.month). */
  monthSeconds: number;
}

export interface Uptime {
  /** Expected share of the month the endpoint is up (billed), 0..1. */
  upFraction: number;
  /** Expected up seconds in the month. */
  upSeconds: number;
  /** Expected wakes (scale-outs from zero) a month. */
  wakesPerMonth: number;
  /** Expected length of one up period, seconds (start-up included). */
  meanUpSeconds: number;
}

export function uptime(x: UptimeInput): Uptime {
  const { perSecond: rate, scaleInDelaySeconds: d, startupSeconds: s, monthSeconds: month } = x;
  const p = x.processingSeconds ?? 0;
  for (const [name, v] of [
    ['rate', rate],
    ['scale-in delay', d],
    ['start-up', s],
    ['processing time', p],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number >= 0 (got ${v})`);
  }
  if (rate === 0) return { upFraction: 0, upSeconds: 0, wakesPerMonth: 0, meanUpSeconds: 0 };
  const g = rate * (d + p);
  // e^{λG} overflows past ~709: the endpoint then never scales in.
  if (g > 700) return { upFraction: 1, upSeconds: month, wakesPerMonth: 0, meanUpSeconds: Infinity };
  const up = s + Math.expm1(g) / rate;
  const cycle = s + Math.exp(g) / rate;
  const upFraction = up / cycle;
  return { upFraction, upSeconds: upFraction * month, wakesPerMonth: month / cycle, meanUpSeconds: up };
}

/**
 * Whether an answer time absorbs a scale-out from zero: callers that need answers sooner than the
 * scale-out takes (null: they collect a queued result, so any time) keep a minimum of one copy or
 * instance instead.
 */
export function canScaleToZero(latencySeconds: number | null, scaleOutSeconds: number): { ok: boolean; reason: 'no-answer-time' | 'absorbs-scale-out' | 'answer-time-too-short' } {
  if (latencySeconds === null) return { ok: true, reason: 'no-answer-time' };
  return latencySeconds >= scaleOutSeconds ? { ok: true, reason: 'absorbs-scale-out' } : { ok: false, reason: 'answer-time-too-short' };
}
