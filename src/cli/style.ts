import { Chalk, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

/** A chalk instance that colours only when wanted (see colorWanted). */
export function makeStyle(enabled: boolean): Style {
  return new Chalk({ level: enabled ? 1 : 0 });
}
