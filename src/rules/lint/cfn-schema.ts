// Rules from the CloudFormation resource schemas (src/rules/facts/cfn.generated.ts): what
// CloudFormation itself rejects in the resources deploy-advisor writes and lints. Unknown
// properties, missing required properties, wrong types, !GetAtt of an attribute the resource does
// not have, and ${...} written outside Fn::Sub, which CloudFormation passes on as text.
//
// Intrinsic functions are values of unknown type, never type errors; both branches of Fn::If are
// checked (AWS::NoValue is no value).

import { closestMember } from '../facts/api';
import { CFN_PRIMITIVES, CFN_RESOURCE_TYPES, CFN_SCHEMA_SOURCE, cfnResource, describeType, type CfnNestedType, type CfnResourceSpec, type CfnType } from '../facts/cfn';
import { intrinsic, isObj } from './helpers';
import type { Path, RawFinding, Rule, RuleContext } from './types';

type Obj = Record<string, unknown>;

const SCHEMAS = 'https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html';
const SOURCE_NOTE = `Facts from the CloudFormation resource schemas as ${CFN_SCHEMA_SOURCE.package}@${CFN_SCHEMA_SOURCE.version} carries them (npm run gen:cfn), for ${CFN_RESOURCE_TYPES.join(', ')}.`;
/** What a resource may hold besides Properties (the template reference's resource attributes). */
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy'];
const MAX_DEPTH = 40;

/**
 * The did-you-mean of an unknown key: a near miss (edit distance 2), else a name that starts with
 * it: the key and "Name" ('model' -> ModelName), or the only one, or the two shortest; else one
 * that ends with it ('Name' -> EndpointName).
 */
export function suggest(key: string, names: readonly string[]): string | null {
  const close = closestMember(key, names);
  if (close) return close;
  if (key.length < 3) return null;
  const k = key.toLowerCase();
  const named = names.find((n) => n.toLowerCase() === `${k}name`);
  if (named) return named;
  const starts = names.filter((n) => n.toLowerCase().startsWith(k)).sort((a, b) => a.length - b.length);
  if (starts.length) return starts.slice(0, 2).join(' or ');
  const ends = names.filter((n) => n.toLowerCase().endsWith(k)).sort((a, b) => a.length - b.length);
  return ends.length ? ends.slice(0, 2).join(' or ') : null;
}
const didYouMean = (s: string | null) => (s ? `; did you mean ${s}?` : '');

/** The covered resources of a template, with their spec. */
function resources(ctx: RuleContext): Array<{ id: string; r: Obj; spec: CfnResourceSpec; type: string }> {
  if (ctx.kind !== 'cloudformation') return [];
  return Object.entries(ctx.resources).flatMap(([id, r]) => {
    if (!isObj(r)) return [];
    const spec = cfnResource(r.Type);
    return spec ? [{ id, r, spec, type: r.Type as string }] : [];
  });
}

/** The value's branches: itself, or both values of an Fn::If (each with its path); AWS::NoValue is none. */
function branches(v: unknown, path: Path): Array<{ v: unknown; path: Path }> {
  if (isObj(v) && intrinsic(v)) {
    if (v.Ref === 'AWS::NoValue') return [];
    const args = v['Fn::If'];
    if (Array.isArray(args) && args.length === 3) return [1, 2].flatMap((i) => branches(args[i], [...path, 'Fn::If', i]));
  }
  return [{ v, path }];
}

// ---- the schema walk (DA9001, DA9002, DA9003) ----------------------------------------------------

interface Found {
  unknown: RawFinding[];
  missing: RawFinding[];
  type: RawFinding[];
}

const WHOLE = /^\s*[-+]?\d+\s*$/;
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : isObj(v) ? 'a mapping' : String(v));

/** Whether a plain value (no intrinsic) is of a primitive type, as CloudFormation converts it: "2" is a number, 2 a string. */
function primitiveOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
    case 'date-time':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'integer':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && WHOLE.test(v));
    case 'number':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMBER.test(v));
    case 'boolean':
      return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v));
    case 'json':
      return isObj(v) || typeof v === 'string';
    default:
      return true;
  }
}

function walkValue(spec: CfnResourceSpec, v: unknown, t: CfnType, path: Path, field: string, out: Found, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const b of branches(v, path)) {
    const x = b.v;
    if (x === undefined) continue;
    if (x === null) {
      out.type.push({ path: b.path, messageId: 'nullValue', data: { field }, pointAt: 'key' });
      continue;
    }
    if (isObj(x) && intrinsic(x)) continue; // an intrinsic: its type is not known here
    const wrong = () => out.type.push({ path: b.path, messageId: 'wrongType', data: { field, value: shown(x), expected: describeType(t) } });
    if (typeof t !== 'string') {
      if ('list' in t) {
        if (!Array.isArray(x)) wrong();
        else x.forEach((el, i) => walkValue(spec, el, t.list, [...b.path, i], field, out, depth + 1));
      } else if ('map' in t) {
        if (!isObj(x)) wrong();
        else for (const [k, el] of Object.entries(x)) walkValue(spec, el, t.map, [...b.path, k], `${field}.${k}`, out, depth + 1);
      } else {
        // A union: the first alternative that takes the value without a type error.
        const tries = t.anyOf.map((alt) => {
          const o: Found = { unknown: [], missing: [], type: [] };
          walkValue(spec, x, alt, b.path, field, o, depth + 1);
          return o;
        });
        const fit = tries.find((o) => o.type.length === 0);
        if (fit) {
          out.unknown.push(...fit.unknown);
          out.missing.push(...fit.missing);
        } else wrong();
      }
      continue;
    }
    if (t === 'tag') {
      if (!isObj(x)) wrong();
      else walkObject(spec, x, { properties: { Key: 'string', Value: 'string' }, required: ['Key', 'Value'] }, b.path, 'Tag', out, depth + 1);
      continue;
    }
    if (CFN_PRIMITIVES.has(t)) {
      if (!primitiveOk(t, x)) wrong();
      continue;
    }
    const nested = spec.types[t];
    if (!nested) continue;
    if (!isObj(x)) wrong();
    else walkObject(spec, x, nested, b.path, t, out, depth + 1);
  }
}

function walkObject(spec: CfnResourceSpec, o: Obj, type: CfnNestedType, path: Path, where: string, out: Found, depth: number): void {
  for (const req of type.required) {
    if (o[req] === undefined) out.missing.push({ path, messageId: 'missingProperty', data: { where, member: req } });
  }
  const names = Object.keys(type.properties);
  for (const [k, v] of Object.entries(o)) {
    const t = type.properties[k];
    if (t === undefined) out.unknown.push({ path: [...path, k], messageId: 'unknownProperty', data: { key: k, where, suggestion: didYouMean(suggest(k, names)) }, pointAt: 'key' });
    else walkValue(spec, v, t, [...path, k], k, out, depth);
  }
}

/** The schema findings of a template, computed once per context (three rules share them). */
const walked = new WeakMap<RuleContext, Found>();
function schemaFindings(ctx: RuleContext): Found {
  const cached = walked.get(ctx);
  if (cached) return cached;
  const out: Found = { unknown: [], missing: [], type: [] };
  for (const { id, r, spec, type } of resources(ctx)) {
    const base: Path = ['Resources', id];
    for (const k of Object.keys(r)) {
      if (!RESOURCE_KEYS.includes(k)) out.unknown.push({ path: [...base, k], messageId: 'unknownResourceKey', data: { key: k, resource: id, suggestion: didYouMean(suggest(k, RESOURCE_KEYS)) }, pointAt: 'key' });
    }
    const where = `${type} ${id}`;
    if (r.Properties === undefined) {
      if (spec.required.length) out.missing.push({ path: base, messageId: 'noProperties', data: { resource: id, type, members: spec.required.join(', ') } });
      continue;
    }
    for (const b of branches(r.Properties, [...base, 'Properties'])) {
      if (b.v === undefined || (isObj(b.v) && intrinsic(b.v))) continue;
      if (!isObj(b.v)) out.type.push({ path: b.path, messageId: 'wrongType', data: { field: 'Properties', value: shown(b.v), expected: 'a mapping' } });
      else walkObject(spec, b.v, spec, b.path, where, out, 0);
    }
  }
  walked.set(ctx, out);
  return out;
}

// ---- references (DA9004) -------------------------------------------------------------------------

/** `${Name}` and `${Name.Attr}` in an Fn::Sub template (not the `${!Literal}` escape). */
const SUB_VAR = /\$\{([^}!][^}]*)\}/g;

function isSam(ctx: RuleContext): boolean {
  const t = ctx.template.Transform;
  const list = Array.isArray(t) ? t : [t];
  return list.some((x) => typeof x === 'string' && x.startsWith('AWS::Serverless'));
}

/**
 * Calls f on every value under v with its path. The path is one array, changed as the walk goes
 * (a template has thousands of values and few findings): f copies it to keep it.
 */
function each(v: unknown, path: Array<string | number>, f: (v: unknown, path: ReadonlyArray<string | number>) => void, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  f(v, path);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      each(v[i], path, f, depth + 1);
      path.pop();
    }
  } else if (isObj(v)) {
    for (const k in v) {
      path.push(k);
      each(v[k], path, f, depth + 1);
      path.pop();
    }
  }
}

function getAttParts(v: unknown): [string, string] | null {
  if (!isObj(v) || !('Fn::GetAtt' in v) || Object.keys(v).length !== 1) return null;
  const a = v['Fn::GetAtt'];
  if (typeof a === 'string') {
    const i = a.indexOf('.');
    return i > 0 ? [a.slice(0, i), a.slice(i + 1)] : null;
  }
  if (Array.isArray(a) && typeof a[0] === 'string' && typeof a[1] === 'string') return [a[0], a[1]];
  return null;
}

function subTemplate(v: unknown): { text: string; vars: Obj } | null {
  if (!isObj(v) || Object.keys(v).length !== 1) return null;
  const s = v['Fn::Sub'];
  if (typeof s === 'string') return { text: s, vars: {} };
  if (Array.isArray(s) && typeof s[0] === 'string') return { text: s[0], vars: isObj(s[1]) ? s[1] : {} };
  return null;
}

function referenceFindings(ctx: RuleContext): RawFinding[] {
  if (ctx.kind !== 'cloudformation') return [];
  const out: RawFinding[] = [];
  const params = isObj(ctx.template.Parameters) ? ctx.template.Parameters : {};
  const ids = Object.keys(ctx.resources);
  const sam = isSam(ctx);
  const covered = new Set(resources(ctx).map((x) => x.id));
  const attribute = (id: string, attr: string, at: Path, fn: string) => {
    const path = [...at];
    const target = ctx.resources[id];
    const spec = isObj(target) ? cfnResource(target.Type) : null;
    if (!spec || spec.attributes.includes(attr)) return;
    out.push({ path, messageId: 'unknownAttribute', data: { fn, resource: id, attribute: attr, type: String((target as Obj).Type), attributes: spec.attributes.join(', '), suggestion: didYouMean(suggest(attr, spec.attributes)) } });
  };
  // Names a covered resource points at that the template does not define (a SAM template defines more than it shows).
  const defined = (name: string, asResource: boolean) => name.startsWith('AWS::') || ids.includes(name) || (!asResource && name in params);
  const names = (asResource: boolean) => [...ids, ...(asResource ? [] : Object.keys(params))];
  const visit = (v: unknown, at: Path) => {
    const path = () => [...at];
    const inCovered = at[0] === 'Resources' && covered.has(String(at[1])) && at[2] === 'Properties';
    const ga = getAttParts(v);
    if (ga) {
      const [id, attr] = ga;
      if (ids.includes(id)) attribute(id, attr, at, '!GetAtt');
      else if (inCovered && !sam) out.push({ path: path(), messageId: 'noSuchResource', data: { fn: '!GetAtt', name: id, what: 'resource', suggestion: didYouMean(suggest(id, names(true))) } });
      return;
    }
    if (isObj(v) && Object.keys(v).length === 1 && typeof v.Ref === 'string') {
      if (inCovered && !sam && !defined(v.Ref, false)) out.push({ path: path(), messageId: 'noSuchResource', data: { fn: '!Ref', name: v.Ref, what: 'parameter or resource', suggestion: didYouMean(suggest(v.Ref, names(false))) } });
      return;
    }
    const sub = subTemplate(v);
    if (sub) {
      for (const m of sub.text.matchAll(SUB_VAR)) {
        const name = m[1]!.trim();
        if (name in sub.vars) continue;
        const dot = name.indexOf('.');
        if (dot > 0 && ids.includes(name.slice(0, dot))) attribute(name.slice(0, dot), name.slice(dot + 1), at, '!Sub');
        else if (inCovered && !sam && !defined(dot > 0 ? name.slice(0, dot) : name, dot > 0)) {
          out.push({ path: path(), messageId: 'noSuchResource', data: { fn: '!Sub', name, what: dot > 0 ? 'resource' : 'parameter or resource', suggestion: didYouMean(suggest(name, names(dot > 0))) } });
        }
      }
    }
  };
  for (const section of ['Resources', 'Outputs'] as const) {
    const s = ctx.template[section];
    if (isObj(s)) each(s, [section], visit);
  }
  // One finding per value: the walk meets a !GetAtt inside a !Sub's variables, for example, once.
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(JSON.stringify(f.path)) && seen.add(JSON.stringify(f.path)));
}

// ---- literal ${...} (DA9005) ---------------------------------------------------------------------

function literalFindings(ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  const params = isObj(ctx.template.Parameters) ? ctx.template.Parameters : {};
  const ids = new Set(Object.keys(ctx.resources));
  /** The first ${...} in a text that names what Fn::Sub would substitute: a pseudo parameter, a parameter or a resource. */
  const variable = (text: string): string | null => {
    for (const m of text.matchAll(SUB_VAR)) {
      const name = m[1]!.trim();
      const head = name.split('.')[0]!;
      if (name.startsWith('AWS::') || head in params || ids.has(head)) return m[0];
    }
    return null;
  };
  const reported = new Set<string>();
  const viaParam = (name: string, field: string, resource: string) => {
    const p = params[name];
    if (!isObj(p) || typeof p.Default !== 'string' || reported.has(name)) return;
    const found = variable(p.Default);
    if (!found) return;
    reported.add(name);
    out.push({ path: ['Parameters', name, 'Default'], messageId: 'literalInDefault', data: { parameter: name, variable: found, field, resource } });
  };
  const walk = (v: unknown, path: Path, field: string, resource: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      const found = variable(v);
      if (found) out.push({ path, messageId: 'literalInProperty', data: { field, variable: found } });
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], field, resource, depth + 1));
    if (!isObj(v)) return;
    if (intrinsic(v)) {
      const [fn, args] = Object.entries(v)[0]!;
      if (fn === 'Ref') {
        if (typeof args === 'string') viaParam(args, field, resource);
        return;
      }
      if (fn === 'Fn::Sub') {
        const sub = subTemplate(v);
        if (!sub) return;
        // The template is substituted; a parameter it names passes its value on as it is.
        for (const m of sub.text.matchAll(SUB_VAR)) if (!(m[1]!.trim() in sub.vars)) viaParam(m[1]!.trim(), field, resource);
        for (const [k, x] of Object.entries(sub.vars)) walk(x, [...path, 'Fn::Sub', 1, k], field, resource, depth + 1);
        return;
      }
      if (fn === 'Fn::GetAtt' || fn === 'Condition' || fn === 'Fn::FindInMap' || fn === 'Fn::ImportValue') return;
      if (fn === 'Fn::If' && Array.isArray(args)) return [1, 2].forEach((i) => walk(args[i], [...path, fn, i], field, resource, depth + 1));
      return walk(args, [...path, fn], field, resource, depth + 1);
    }
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k], k, resource, depth + 1);
  };
  for (const { id, r } of resources(ctx)) {
    if (isObj(r.Properties)) for (const [k, x] of Object.entries(r.Properties)) walk(x, ['Resources', id, 'Properties', k], k, id, 0);
  }
  return out;
}

// ---- examples ----------------------------------------------------------------------------------

const ROLE = 'arn:aws:iam::123456789012:role/SageMaker';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1';
/** A model, an endpoint config and an endpoint; the parts given replace the defaults. */
function stack(o: { params?: string; model?: string; variant?: string; endpoint?: string; more?: string } = {}): string {
  return `${o.params ?? ''}Resources:
  Model:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: ${ROLE}
      EnableNetworkIsolation: true
${o.model ?? `      PrimaryContainer:\n        Image: ${IMAGE}\n        ModelDataUrl: s3://bucket/churn/model.tar.gz\n`}  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      KmsKeyId: alias/sagemaker
      ProductionVariants:
        - VariantName: AllTraffic
${o.variant ?? '          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n'}  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
${o.endpoint ?? '      EndpointName: churn\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n'}${o.more ?? ''}`;
}

const TARGET = (max: string) => `  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: sagemaker
      ResourceId: !Sub endpoint/\${Endpoint.EndpointName}/variant/AllTraffic
      ScalableDimension: sagemaker:variant:DesiredInstanceCount
      MinCapacity: 1
${max}`;

// ---- rules -------------------------------------------------------------------------------------

export const cfnUnknownProperty: Rule = {
  id: 'DA9001',
  name: 'cfn-unknown-property',
  severity: 'error',
  title: 'CloudFormation resources hold only the properties their schema defines',
  source: SCHEMAS,
  description: `A property the resource type (or one of its nested types, such as ProductionVariant) does not define fails the stack: "Encountered unsupported property". Names are case-sensitive: \`model\` and \`Model\` are not \`ModelName\`; the finding says which name was probably meant. Keys of the resource itself other than Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy and CreationPolicy are reported too. When a variant, container or resource holds an unknown key, the rules that infer what it is for from a missing key (DA6002 and its kind) stay silent: the unknown key is the finding. ${SOURCE_NOTE}`,
  examples: {
    invalid: stack({ variant: '          Model: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n' }),
    valid: stack(),
  },
  messages: {
    unknownProperty: 'unknown property "{{key}}" in {{where}}; CloudFormation rejects it{{suggestion}}',
    unknownResourceKey: 'unknown key "{{key}}" in resource {{resource}}; a resource takes Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy and CreationPolicy{{suggestion}}',
  },
  check: (ctx) => schemaFindings(ctx).unknown,
};

export const cfnRequiredProperty: Rule = {
  id: 'DA9002',
  name: 'cfn-required-property',
  severity: 'error',
  title: 'CloudFormation resources have the properties their schema requires',
  source: SCHEMAS,
  description: `Each resource type, and each nested type, lists the properties it requires: a ProductionVariant its VariantName, a ScalableTarget its ResourceId, ServiceNamespace, ScalableDimension, MinCapacity and MaxCapacity. Without one, the stack fails. ${SOURCE_NOTE}`,
  examples: {
    invalid: stack({ more: TARGET('') }),
    valid: stack({ more: TARGET('      MaxCapacity: 4\n') }),
  },
  messages: {
    missingProperty: '{{where}} has no {{member}}, which CloudFormation requires; add it',
    noProperties: 'resource {{resource}} has no Properties, but {{type}} requires {{members}}',
  },
  check: (ctx) => schemaFindings(ctx).missing,
};

export const cfnPropertyType: Rule = {
  id: 'DA9003',
  name: 'cfn-property-type',
  severity: 'error',
  title: 'CloudFormation properties have the type their schema gives',
  source: SCHEMAS,
  description: `A list where the schema has a list (Tags, ProductionVariants), a mapping where it has a structure, a whole number for integers, true or false for booleans. CloudFormation converts as it does: "2" is taken for 2 and 2 for "2", so those are not reported. Intrinsic functions (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::FindInMap, Fn::ImportValue...) are values of unknown type, never type errors; both branches of Fn::If are checked. A key with no value (null) is rejected by CloudFormation. ${SOURCE_NOTE}`,
  examples: {
    invalid: stack({ endpoint: '      EndpointName: churn\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      Tags:\n        team: ml\n' }),
    valid: stack({ endpoint: '      EndpointName: churn\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      Tags:\n        - Key: team\n          Value: ml\n' }),
  },
  messages: {
    wrongType: '{{field}} is {{value}}; CloudFormation needs {{expected}}',
    nullValue: '{{field}} has no value (null), which CloudFormation rejects; give it a value or remove it',
  },
  check: (ctx) => schemaFindings(ctx).type,
};

export const cfnGetAtt: Rule = {
  id: 'DA9004',
  name: 'cfn-references',
  severity: 'error',
  title: '!GetAtt reads an attribute the resource has; references name what the template defines',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html',
  description: `\`!GetAtt Model.model\` fails the stack ("does not support attribute type model in Fn::GetAtt"): an AWS::SageMaker::Model has ModelArn and ModelName. Checked for !GetAtt and \${Resource.Attribute} in !Sub, in resources and outputs, on the resource types listed at the end. In those resources, a !Ref, !GetAtt or !Sub variable naming neither a parameter nor a resource of the template is reported too ("Unresolved resource dependencies"), except in SAM templates, whose transform adds resources. ${SOURCE_NOTE}`,
  examples: {
    invalid: stack({ variant: '          ModelName: !GetAtt Model.model\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n' }),
    valid: stack(),
  },
  messages: {
    unknownAttribute: '{{fn}} {{resource}}.{{attribute}}: {{type}} has no attribute {{attribute}} (it has {{attributes}}){{suggestion}}',
    noSuchResource: '{{fn}} names {{name}}, which is no {{what}} of this template; CloudFormation rejects it as an unresolved dependency{{suggestion}}',
  },
  check: referenceFindings,
};

export const cfnLiteralSubstitution: Rule = {
  id: 'DA9005',
  name: 'cfn-literal-substitution',
  severity: 'error',
  title: '${...} is substituted only inside Fn::Sub',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html',
  description:
    "CloudFormation replaces ${AWS::Region}, ${Parameter} and ${Resource.Attribute} only in the string of an Fn::Sub. Anywhere else, in a property or in a parameter's Default, the text passes on as it is: a ModelPackageName of `arn:aws:sagemaker:${AWS::Region}:...` fails its ARN pattern when the stack deploys. Reported in the properties of the resource types listed at the end (inside Fn::Join, Fn::If and the like too), and in a parameter Default that reaches one of those properties through !Ref (or a ${Parameter} in an Fn::Sub), at the Default. Only ${...} naming a pseudo parameter, a parameter or a resource of the template is reported: ${HOME} in a container's environment may be meant literally. " +
    SOURCE_NOTE,
  examples: {
    invalid: stack({
      params: 'Parameters:\n  ModelPackage:\n    Type: String\n    Default: arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package/churn/3\n',
      model: '      Containers:\n        - ModelPackageName: !Ref ModelPackage\n',
    }),
    valid: stack({
      params: 'Parameters:\n  ModelPackageVersion:\n    Type: String\n    Default: "3"\n',
      model: '      Containers:\n        - ModelPackageName: !Sub arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package/churn/${ModelPackageVersion}\n',
    }),
  },
  messages: {
    literalInProperty: '{{field}} holds {{variable}} outside Fn::Sub, so CloudFormation passes it on as text; write the value with !Sub',
    literalInDefault:
      'the Default of parameter {{parameter}} holds {{variable}}, which CloudFormation does not substitute; it reaches {{field}} of {{resource}} through !Ref, so a deploy with the default passes the text on as it is: build the value with !Sub where it is used, or give a literal default',
  },
  check: literalFindings,
};

export const CFN_SCHEMA_RULES = [cfnUnknownProperty, cfnRequiredProperty, cfnPropertyType, cfnGetAtt, cfnLiteralSubstitution];
