// Reading the generated SageMaker API model (api.generated.ts) by shape path: 'ContainerDefinition.Mode'
// is the Mode member of the ContainerDefinition shape, not InferenceExecutionConfig's Mode.

import { OPERATION_INPUTS, SHAPES, type ApiShape } from './api.generated';

export type { ApiShape };
export { API_MODEL_SOURCES, OPERATION_INPUTS } from './api.generated';
export type ApiOperation = keyof typeof OPERATION_INPUTS;

export function shape(name: string): ApiShape | undefined {
  return SHAPES[name];
}

/** The shape name of a member ('ProductionVariant.InstanceType' -> 'ProductionVariantInstanceType'). */
export function memberShapeName(structure: string, member: string): string | undefined {
  return SHAPES[structure]?.members?.[member];
}

/** The shape at 'Structure.Member[.Member...]'; lists are stepped through to their items. */
export function shapeAt(path: string): ApiShape {
  const [first, ...rest] = path.split('.');
  let name = first!;
  for (const m of rest) {
    let s = SHAPES[name];
    while (s?.type === 'list') {
      name = s.member!;
      s = SHAPES[name];
    }
    const next = s?.members?.[m];
    if (!next) throw new Error(`no API shape at ${path}`);
    name = next;
  }
  const s = SHAPES[name];
  if (!s) throw new Error(`no API shape at ${path}`);
  return s;
}

/** The allowed values of an enumerated member, e.g. apiEnum('TransformResources.InstanceType'). */
export function apiEnum(path: string): readonly string[] {
  const e = shapeAt(path).enum;
  if (!e) throw new Error(`${path} is not enumerated in the API model`);
  return e;
}

/** Instance types a production variant may use (ProductionVariantInstanceType). */
export const HOSTING_INSTANCE_TYPES: ReadonlySet<string> = new Set(apiEnum('ProductionVariant.InstanceType'));
/** Instance types a transform job may use (TransformInstanceType). */
export const TRANSFORM_INSTANCE_TYPES: ReadonlySet<string> = new Set(apiEnum('TransformResources.InstanceType'));

export const canHost = (type: string) => HOSTING_INSTANCE_TYPES.has(type);
export const canTransform = (type: string) => TRANSFORM_INSTANCE_TYPES.has(type);

export function operationInput(op: ApiOperation): string {
  return OPERATION_INPUTS[op];
}

/** Members of an operation's input. */
export function operationMembers(op: ApiOperation): string[] {
  return Object.keys(SHAPES[OPERATION_INPUTS[op]]!.members ?? {});
}

/** A string, with its pattern as a whole-value RegExp (null when the pattern is not a JavaScript regex). */
export function apiPattern(s: ApiShape): RegExp | null {
  if (s.pattern === undefined) return null;
  try {
    return new RegExp(`^(?:${s.pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** Edit distance: the fewest one-character insertions, deletions and substitutions from a to b. */
export const levenshtein = (a: string, b: string): number => {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
};

/** The member a mistyped key most likely meant (edit distance at most 2, case ignored). */
export function closestMember(key: string, members: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const m of members) {
    if (Math.abs(m.length - key.length) >= bestD) continue;
    const d = levenshtein(key.toLowerCase(), m.toLowerCase());
    if (d < bestD) [best, bestD] = [m, d];
  }
  return best;
}

/**
 * Which AWS CLI operation an input with these top-level keys is for, when the usual
 * recognition failed (a key is mistyped): the operation whose input holds the most keys, counting
 * near misses, provided one of its name members is there. null when none fits.
 */
export function guessOperation(keys: readonly string[]): ApiOperation | null {
  const names: Record<ApiOperation, string> = { 'create-endpoint-config': 'EndpointConfigName', 'create-transform-job': 'TransformJobName', 'create-model': 'ModelName', 'create-endpoint': 'EndpointName' };
  let best: ApiOperation | null = null;
  let score = 0;
  for (const op of Object.keys(names) as ApiOperation[]) {
    if (!keys.includes(names[op])) continue;
    const members = operationMembers(op);
    const s = keys.filter((k) => members.includes(k) || closestMember(k, members) !== null).length;
    if (s > score && s * 2 >= keys.length) [best, score] = [op, s];
  }
  return best;
}
