// A Terraform module (the .tf and .tf.json files of one folder) as the document the lint rules
// read: its SageMaker and autoscaling resources become CloudFormation-shaped resources, keyed by
// their Terraform address (aws_sagemaker_model.m), with Terraform attribute names mapped to the API
// names the rules use (production_variants.serverless_config.memory_size_in_mb ->
// ProductionVariants[0].ServerlessConfig.MemorySizeInMB, kms_key_arn -> KmsKeyId). The mapping
// follows the SageMaker API model's shapes, so it needs a table only for the names that differ.
//
// Values: literals; var.x with a literal default; local.x; references to other resources of the
// module become Fn::GetAtt/Ref (so the rules follow a variant to its model). Everything else is
// { 'Fn::Unknown': text }: resolve() gives UNRESOLVED and given() false, so no finding depends on it.

import { shape } from '../../facts/api';
import type { Path } from '../types';
import type { Attr, Block, Body, Expr, HclFile, Span } from './hcl';

type Obj = Record<string, unknown>;

interface ResourceKind {
  cfn: string;
  /** The SageMaker API shape the body maps onto (null: names by rule, snake_case -> PascalCase). */
  shape: string | null;
  /** The property that `name` (aws provider) is, and what `<address>.name` refers to. */
  name: string;
  /** Terraform names that are not the API name in snake_case, at any depth. */
  renames?: Readonly<Record<string, string>>;
  /** The same, for the resource's own arguments only (kms_key_arn is KmsKeyId there, kms_key_id below). */
  topRenames?: Readonly<Record<string, string>>;
  /** Whether the resource has a `name` argument (which is `name` above). */
  named?: boolean;
}

const EC_RENAMES = { kms_key_arn: 'KmsKeyId' } as const;
const MODEL_RENAMES = { container: 'Containers' } as const;

/** The resources read, by Terraform type. */
export const TERRAFORM_RESOURCES: Readonly<Record<string, ResourceKind>> = {
  aws_sagemaker_model: { cfn: 'AWS::SageMaker::Model', shape: 'CreateModelInput', name: 'ModelName', topRenames: MODEL_RENAMES, named: true },
  aws_sagemaker_endpoint_configuration: { cfn: 'AWS::SageMaker::EndpointConfig', shape: 'CreateEndpointConfigInput', name: 'EndpointConfigName', topRenames: EC_RENAMES, named: true },
  aws_sagemaker_endpoint: { cfn: 'AWS::SageMaker::Endpoint', shape: 'CreateEndpointInput', name: 'EndpointName', named: true },
  aws_sagemaker_inference_component: { cfn: 'AWS::SageMaker::InferenceComponent', shape: null, name: 'InferenceComponentName', named: true },
  awscc_sagemaker_model: { cfn: 'AWS::SageMaker::Model', shape: 'CreateModelInput', name: 'ModelName' },
  awscc_sagemaker_endpoint_config: { cfn: 'AWS::SageMaker::EndpointConfig', shape: 'CreateEndpointConfigInput', name: 'EndpointConfigName' },
  awscc_sagemaker_endpoint: { cfn: 'AWS::SageMaker::Endpoint', shape: 'CreateEndpointInput', name: 'EndpointName' },
  awscc_sagemaker_inference_component: { cfn: 'AWS::SageMaker::InferenceComponent', shape: null, name: 'InferenceComponentName' },
  aws_appautoscaling_target: { cfn: 'AWS::ApplicationAutoScaling::ScalableTarget', shape: null, name: 'ResourceId' },
  aws_appautoscaling_policy: { cfn: 'AWS::ApplicationAutoScaling::ScalingPolicy', shape: null, name: 'PolicyName', renames: { step_adjustment: 'StepAdjustments' }, named: true },
  aws_cloudwatch_metric_alarm: { cfn: 'AWS::CloudWatch::Alarm', shape: null, name: 'AlarmName', renames: { alarm_name: 'AlarmName' } },
};

/** Meta-arguments and attributes with no API counterpart. */
const IGNORED = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'timeouts', 'tags', 'tags_all', 'name_prefix', 'region', 'connection', 'provisioner']);
/** Blocks (without an API shape to say so) that repeat: a list in the API. */
const LIST_BLOCKS = new Set(['dimensions', 'step_adjustment', 'metrics', 'specifications']);

export const UNKNOWN = 'Fn::Unknown';
const unknown = (text: string) => ({ [UNKNOWN]: text });

const pascal = (snake: string) =>
  snake
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** The API member a Terraform name stands for, in a shape (or by rule when there is none). */
function memberName(tf: string, shapeName: string | null, renames: Readonly<Record<string, string>> = {}): string {
  if (renames[tf]) return renames[tf]!;
  const members = shapeName ? shape(shapeName)?.members : undefined;
  if (members) {
    const flat = tf.replace(/_/g, '').toLowerCase();
    const m = Object.keys(members).find((k) => k.toLowerCase() === flat);
    if (m) return m;
  }
  return pascal(tf);
}

/** The shape of a member, with lists stepped into: [shape of the value, whether it is a list]. */
function memberShape(shapeName: string | null, member: string): { shape: string | null; list: boolean; map: boolean } {
  const name = shapeName ? shape(shapeName)?.members?.[member] : undefined;
  const s = name ? shape(name) : undefined;
  if (!s) return { shape: null, list: false, map: false };
  if (s.type === 'list') return { shape: s.member ?? null, list: true, map: false };
  return { shape: name!, list: false, map: s.type === 'map' };
}

export interface TerraformDocument {
  /** CloudFormation-shaped: { Resources: { address: { Type, Properties } } }. */
  template: { Resources: Record<string, { Type: string; Properties: Obj }> };
  /** Where each path of the template was written (the deepest recorded prefix places a finding). */
  spans: Map<string, Span>;
  /** Paths whose value is a variable's default, which a deploy may override: "variable x". */
  notes: Map<string, string>;
}

export const pathKey = (p: Path) => JSON.stringify(p);

/** The address of a resource (type.name) and its block. */
interface Res {
  type: string;
  address: string;
  block: Block;
}

export function buildModule(files: HclFile[]): TerraformDocument {
  const blocks = files.flatMap((f) => f.body.blocks);
  const variables = new Map<string, Expr | null>();
  const locals = new Map<string, Expr>();
  const resources = new Map<string, Res>();
  for (const b of blocks) {
    if (b.broken) continue;
    if (b.type === 'variable' && b.labels[0]) variables.set(b.labels[0], b.body.attrs.find((a) => a.name === 'default')?.value ?? null);
    else if (b.type === 'locals') for (const a of b.body.attrs) locals.set(a.name, a.value);
    else if (b.type === 'resource' && b.labels.length === 2) resources.set(`${b.labels[0]}.${b.labels[1]}`, { type: b.labels[0]!, address: `${b.labels[0]}.${b.labels[1]}`, block: b });
  }

  const evaluating = new Set<string>();
  /** The value of an expression, as far as it is known without running Terraform. */
  const val = (e: Expr): unknown => {
    switch (e.k) {
      case 'lit':
        return e.v === null ? undefined : e.v;
      case 'tuple':
        return e.items.map(val);
      case 'object':
        return Object.fromEntries(e.entries.filter((x) => x.key !== null).map((x) => [x.key, val(x.value)]));
      case 'template': {
        const parts = e.parts.map((p) => (typeof p === 'string' ? p : val(p)));
        if (parts.every((p) => typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')) return parts.join('');
        // Known references stay visible to the rules as ${address.Attribute} (as in Fn::Sub).
        return { 'Fn::Sub': parts.map((p, i) => (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' ? String(p) : `\${${subText(p, e.parts[i] as Expr)}}`)).join('') };
      }
      case 'ref':
        return ref(e);
      case 'other':
        return unknown(e.text);
    }
  };
  const subText = (v: unknown, e: Expr): string => {
    if (v && typeof v === 'object' && Array.isArray((v as Obj)['Fn::GetAtt'])) return ((v as Obj)['Fn::GetAtt'] as string[]).join('.');
    if (v && typeof v === 'object' && typeof (v as Obj).Ref === 'string') return (v as Obj).Ref as string;
    return e.k === 'ref' ? [e.root, ...e.steps].join('.') : 'unknown';
  };
  const step = (v: unknown, steps: Array<string | number>, text: string): unknown => {
    let x = v;
    for (const s of steps) {
      if (x === undefined) return undefined;
      if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).some((k) => k.startsWith('Fn::'))) return unknown(text);
      x = x && typeof x === 'object' ? (x as Record<string | number, unknown>)[s] : unknown(text);
    }
    return x;
  };
  const ref = (e: Extract<Expr, { k: 'ref' }>): unknown => {
    const text = [e.root, ...e.steps].join('.');
    const [first, ...rest] = e.steps;
    if ((e.root === 'var' || e.root === 'local') && typeof first === 'string') {
      const key = `${e.root}.${first}`;
      const expr = e.root === 'var' ? variables.get(first) : locals.get(first);
      if (!expr || evaluating.has(key)) return unknown(text);
      evaluating.add(key);
      try {
        const v = step(val(expr), rest, text);
        // A variable whose default is null (or lacks the member) is set by the caller: unknown here.
        return v === undefined && e.root === 'var' ? unknown(text) : v;
      } finally {
        evaluating.delete(key);
      }
    }
    const address = typeof first === 'string' ? `${e.root}.${first}` : '';
    const r = resources.get(address);
    const kind = r ? TERRAFORM_RESOURCES[r.type] : undefined;
    if (r && kind && typeof rest[0] === 'string' && rest.length === 1) {
      const attr = rest[0];
      if (attr === 'id') return { Ref: address };
      return { 'Fn::GetAtt': [address, attr === 'name' ? kind.name : attr === 'arn' ? 'Arn' : pascal(attr)] };
    }
    return unknown(text);
  };

  const doc: TerraformDocument = { template: { Resources: {} }, spans: new Map(), notes: new Map() };
  const mark = (p: Path, s: Span) => doc.spans.set(pathKey(p), s);
  const note = (p: Path, e: Expr) => {
    if (e.k === 'ref' && e.root === 'var' && typeof e.steps[0] === 'string' && variables.get(e.steps[0])) doc.notes.set(pathKey(p), `variable ${e.steps[0]}`);
  };

  /** A value written as an expression: objects and tuples written out keep their positions. */
  const fromExpr = (e: Expr, shapeName: string | null, isMap: boolean, path: Path, renames?: Readonly<Record<string, string>>): unknown => {
    mark(path, e.s);
    if (e.k === 'object' && !isMap) {
      const out: Obj = {};
      for (const x of e.entries) {
        if (x.key === null) continue;
        const name = memberName(x.key, shapeName, renames);
        const m = memberShape(shapeName, name);
        const p = [...path, name];
        mark(p, x.s);
        if (m.list && x.value.k === 'tuple') out[name] = x.value.items.map((it, i) => fromExpr(it, m.shape, false, [...p, i]));
        else {
          const v = fromExpr(x.value, m.shape, m.map, p);
          mark(p, x.s);
          if (v !== undefined) out[name] = m.list && isPlainObj(v) ? [v] : v;
        }
      }
      return out;
    }
    if (e.k === 'object' && isMap) {
      // A map (Environment): keys as written, each entry at its own line.
      const out: Obj = {};
      for (const x of e.entries) {
        if (x.key === null) return unknown('a map with computed keys');
        const v = fromExpr(x.value, null, false, [...path, x.key]);
        mark([...path, x.key], x.s);
        if (v !== undefined) out[x.key] = v;
      }
      return out;
    }
    if (e.k === 'tuple') return e.items.map((it, i) => fromExpr(it, shapeName, isMap, [...path, i]));
    note(path, e);
    return mapKeys(val(e), shapeName, isMap);
  };

  /** An evaluated value with its object keys mapped to API names. */
  const mapKeys = (v: unknown, shapeName: string | null, isMap: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => mapKeys(x, shapeName, isMap));
    if (!isPlainObj(v) || isMap || Object.keys(v).some((k) => k.startsWith('Fn::') || k === 'Ref')) return v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const name = memberName(k, shapeName);
      const m = memberShape(shapeName, name);
      const mapped = mapKeys(x, m.shape, m.map);
      if (mapped !== undefined) out[name] = m.list && isPlainObj(mapped) ? [mapped] : mapped;
    }
    return out;
  };

  /** A block body (or the body of a resource) as an API structure. */
  const fromBody = (body: Body, shapeName: string | null, path: Path, renames?: Readonly<Record<string, string>>, nameProp?: string, top?: Readonly<Record<string, string>>): Obj => {
    const out: Obj = {};
    const here = { ...renames, ...top };
    const attr = (a: Attr) => {
      if (IGNORED.has(a.name)) return;
      const name = a.name === 'name' && nameProp ? nameProp : memberName(a.name, shapeName, here);
      const m = memberShape(shapeName, name);
      const p = [...path, name];
      let v: unknown;
      if (m.list && a.value.k === 'tuple') v = a.value.items.map((it, i) => fromExpr(it, m.shape, false, [...p, i]));
      else {
        v = fromExpr(a.value, m.shape, m.map, p);
        if (m.list && isPlainObj(v)) v = [v];
      }
      mark(p, a.s);
      if (v !== undefined) out[name] = v;
    };
    body.attrs.forEach(attr);
    const groups = new Map<string, Block[]>();
    for (const b of body.blocks) {
      const key = b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type;
      if (!key || IGNORED.has(key)) continue;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    for (const [tf, bs] of groups) {
      const name = memberName(tf, shapeName, here);
      const m = memberShape(shapeName, name);
      const p = [...path, name];
      mark(p, bs[0]!.head);
      // A dynamic block's content depends on its for_each: the whole member is unknown.
      if (bs.some((b) => b.type === 'dynamic' || b.broken)) {
        out[name] = unknown(`dynamic "${tf}"`);
        continue;
      }
      const list = m.list || LIST_BLOCKS.has(tf) || (!shapeName && bs.length > 1);
      if (list) {
        out[name] = bs.map((b, i) => {
          mark([...p, i], b.head);
          return fromBody(b.body, m.shape, [...p, i], renames);
        });
      } else out[name] = fromBody(bs[0]!.body, m.shape, p, renames);
    }
    return out;
  };

  for (const r of resources.values()) {
    const kind = TERRAFORM_RESOURCES[r.type];
    if (!kind) continue;
    const base = ['Resources', r.address, 'Properties'];
    mark(['Resources', r.address], r.block.head);
    mark(base, r.block.head);
    const props = fromBody(r.block.body, kind.shape, base, kind.renames, kind.named ? kind.name : undefined, kind.topRenames);
    fixUp(r.type, props, resources, val);
    doc.template.Resources[r.address] = { Type: kind.cfn, Properties: props };
  }
  return doc;
}

const isPlainObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the provider fills in, and the shapes that Terraform writes differently from CloudFormation. */
function fixUp(type: string, props: Obj, resources: Map<string, Res>, val: (e: Expr) => unknown): void {
  if (type === 'aws_sagemaker_endpoint_configuration') {
    // The provider names a variant when variant_name is not given.
    for (const key of ['ProductionVariants', 'ShadowProductionVariants']) {
      const list = props[key];
      if (Array.isArray(list)) for (const v of list) if (isPlainObj(v) && v.VariantName === undefined) v.VariantName = unknown('assigned by the provider');
    }
  }
  if (type === 'aws_cloudwatch_metric_alarm' && isPlainObj(props.Dimensions)) {
    props.Dimensions = Object.entries(props.Dimensions).map(([Name, Value]) => ({ Name, Value }));
  }
  if (type === 'aws_appautoscaling_policy' && props.ScalingTargetId === undefined) {
    // A policy names its target by resource_id (usually aws_appautoscaling_target.t.resource_id).
    const rid = props.ResourceId;
    if (isPlainObj(rid) && Array.isArray(rid['Fn::GetAtt']) && String(rid['Fn::GetAtt'][0]).startsWith('aws_appautoscaling_target.')) props.ScalingTargetId = { Ref: rid['Fn::GetAtt'][0] };
    else if (typeof rid === 'string') {
      for (const r of resources.values()) {
        if (r.type !== 'aws_appautoscaling_target') continue;
        const a = r.block.body.attrs.find((x) => x.name === 'resource_id');
        if (a && val(a.value) === rid) props.ScalingTargetId = { Ref: r.address };
      }
    }
  }
}
