// Small readers shared by the rules: numbers, strings and variants from resolved values.

import type { Path, RawFinding, RuleContext, Subject } from './types';

export function num(ctx: RuleContext, v: unknown): number | null {
  const r = ctx.resolve(v);
  if (typeof r === 'number') return r;
  if (typeof r === 'string' && /^-?\d+(\.\d+)?$/.test(r.trim())) return Number(r);
  return null;
}

export function str(ctx: RuleContext, v: unknown): string | null {
  const r = ctx.resolve(v);
  return typeof r === 'string' ? r : typeof r === 'number' ? String(r) : null;
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A CloudFormation intrinsic function ({ Ref }, { "Fn::If" }, ...) rather than a value. */
export function intrinsic(v: unknown): boolean {
  if (!isObj(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

/** A mapping written out as such: not an intrinsic, whose value is not known without guessing. */
export const plain = (v: unknown): v is Record<string, unknown> => isObj(v) && !intrinsic(v);

export function variants(s: Subject): Array<{ v: Record<string, unknown>; path: Path }> {
  const list = s.props.ProductionVariants;
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, i) => (plain(v) ? [{ v, path: [...s.base, 'ProductionVariants', i] }] : []));
}

/** Each production variant with the model it serves (when the document holds that model). */
export function variantModels(ctx: RuleContext, keep: (ec: Subject, v: Record<string, unknown>) => boolean = () => true): Array<{ ec: Subject; v: Record<string, unknown>; m: Subject }> {
  return ctx.endpointConfigs.flatMap((ec) =>
    variants(ec).flatMap(({ v }) => {
      if (!keep(ec, v)) return [];
      const m = ctx.modelOf(v);
      return m ? [{ ec, v, m }] : [];
    }),
  );
}

export function containers(m: Subject): Array<{ c: Record<string, unknown>; path: Path }> {
  if (plain(m.props.PrimaryContainer)) return [{ c: m.props.PrimaryContainer, path: [...m.base, 'PrimaryContainer'] }];
  const list = m.props.Containers;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c, i) => (plain(c) ? [{ c, path: [...m.base, 'Containers', i] }] : []));
}

/** The messages range() reports: a rule that calls range() spreads these into its own. */
export const RANGE_MESSAGES = {
  notWhole: '{{field}} {{value}} is not a whole number; use {{min}}-{{max}}{{hint}}',
  belowMin: '{{field}} {{value}} is below the minimum of {{min}}; use {{min}}-{{max}}{{hint}}',
  aboveMax: '{{field}} {{value}} is above the maximum of {{max}}; use {{min}}-{{max}}{{hint}}',
} as const;

/** The messages atLeast() reports: a rule that calls atLeast() spreads these into its own. */
export const AT_LEAST_MESSAGES = {
  notWholeAtLeast: '{{field}} {{value}} is not a whole number; use {{min}} or more',
  belowMinAtLeast: '{{field}} {{value}} is below the minimum of {{min}}; use {{min}} or more',
} as const;

/** A finding when a number is not a whole number of at least min (no upper bound). */
export function atLeast(ctx: RuleContext, v: unknown, path: Path, what: string, min: number): RawFinding[] {
  const n = num(ctx, v);
  if (n === null || (Number.isInteger(n) && n >= min)) return [];
  const messageId: keyof typeof AT_LEAST_MESSAGES = !Number.isInteger(n) ? 'notWholeAtLeast' : 'belowMinAtLeast';
  return [{ path, messageId, data: { field: what, value: n, min } }];
}

/** A finding when a number lies outside [min, max]. */
export function range(ctx: RuleContext, v: unknown, path: Path, what: string, min: number, max: number, hint = ''): RawFinding[] {
  const n = num(ctx, v);
  if (n === null) return [];
  if (Number.isInteger(n) && n >= min && n <= max) return [];
  const messageId: keyof typeof RANGE_MESSAGES = !Number.isInteger(n) ? 'notWhole' : n < min ? 'belowMin' : 'aboveMax';
  return [{ path, messageId, data: { field: what, value: n, min, max, hint: hint ? `. ${hint}` : '' } }];
}

/** A property that is set: present, not a condition (!If is not guessed), and not an empty string. */
export function given(ctx: RuleContext, v: unknown): boolean {
  // Fn::Unknown: a Terraform value known only at plan time (terraform/module.ts), which may be null.
  if (v === undefined || (isObj(v) && ('Fn::If' in v || 'Fn::Unknown' in v || v.Ref === 'AWS::NoValue'))) return false;
  return ctx.resolve(v) !== '';
}

/**
 * A property surely left out: missing, AWS::NoValue or an empty string. A condition (!If) or a
 * Terraform value known only at plan time may be set, so it is not absent (nor given).
 */
export function absent(ctx: RuleContext, v: unknown): boolean {
  if (v === undefined || (isObj(v) && v.Ref === 'AWS::NoValue')) return true;
  if (isObj(v) && ('Fn::If' in v || 'Fn::Unknown' in v)) return false;
  return ctx.resolve(v) === '';
}
