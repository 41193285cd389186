import type { ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

/**
 * Text as it is: what every colour and modifier is when colours are off. Without colour, chalk is not
 * loaded at all (it and the terminal checks it makes cost milliseconds; BENCHMARKS.md).
 */
const PLAIN: Style = new Proxy((...text: unknown[]) => text.join(' '), {
  // Not a thenable: an async function returns it, and await would call `then`.
  get: (_, key) => (key === 'level' ? 0 : key === 'then' ? undefined : PLAIN),
}) as unknown as Style;

/** A style that colours only when wanted (see colorWanted): chalk with colours, plain text without. */
export async function makeStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('./chalk');
  return new Chalk({ level: 1 });
}
