// Reading the generated CloudFormation facts (cfn.generated.ts): each resource's spec is built on
// first use and kept, so linting a template reads only the resources it holds, and linting an AWS
// CLI input reads none.

import { CFN_RESOURCES, CFN_RESOURCE_TYPES, type CfnNestedType, type CfnResourceSpec, type CfnResourceType, type CfnType } from './cfn.generated';

export { CFN_RESOURCE_TYPES, CFN_SCHEMA_SOURCE } from './cfn.generated';
export type { CfnNestedType, CfnResourceSpec, CfnResourceType, CfnType };

const cache = new Map<string, CfnResourceSpec>();

export const isCfnResourceType = (t: unknown): t is CfnResourceType => typeof t === 'string' && (CFN_RESOURCE_TYPES as readonly string[]).includes(t);

/** The facts of a resource type deploy-advisor knows, or null for any other type. */
export function cfnResource(type: unknown): CfnResourceSpec | null {
  if (!isCfnResourceType(type)) return null;
  let spec = cache.get(type);
  if (!spec) {
    spec = CFN_RESOURCES[type]();
    cache.set(type, spec);
  }
  return spec;
}

/** How many resource specs have been built (for the test that only the needed ones are). */
export const builtCfnResources = (): string[] => [...cache.keys()];

/** The primitive types of the schemas; any other name is one of the resource's nested types. */
export const CFN_PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'json', 'date-time', 'tag', 'null']);

/** A type as a user reads it: "Integer", "List of ProductionVariant", "Map of String". */
export function describeType(t: CfnType): string {
  if (typeof t === 'string') {
    if (!CFN_PRIMITIVES.has(t)) return `a ${t} mapping`;
    return { string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', json: 'a JSON object', 'date-time': 'a date-time string', tag: 'a tag (Key and Value)', null: 'null' }[t] ?? t;
  }
  if ('list' in t) return `a list, each ${describeType(t.list)}`;
  if ('map' in t) return `a mapping, each value ${describeType(t.map)}`;
  return t.anyOf.map(describeType).join(' or ');
}
