// API-shaped resources (CloudFormation's, which are the SageMaker API's) written as Terraform: the
// reverse of module.ts's mapping, from the same table, so that what lint reads and what is written
// agree. The aws provider takes nested structures as blocks; the awscc provider (used for inference
// components, which the aws provider does not have) takes them as object attributes.

import { shape } from '../../facts/api';
import { TERRAFORM_RESOURCES } from './module';
import { isRaw, raw, template, type HBlock, type HItem, type HValue } from './hcl-write';

type Obj = Record<string, unknown>;

/** The Terraform type each CloudFormation type is written as. */
export const WRITTEN_AS: Readonly<Record<string, string>> = {
  'AWS::SageMaker::Model': 'aws_sagemaker_model',
  'AWS::SageMaker::EndpointConfig': 'aws_sagemaker_endpoint_configuration',
  'AWS::SageMaker::Endpoint': 'aws_sagemaker_endpoint',
  'AWS::SageMaker::InferenceComponent': 'awscc_sagemaker_inference_component',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'aws_appautoscaling_target',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'aws_appautoscaling_policy',
  'AWS::CloudWatch::Alarm': 'aws_cloudwatch_metric_alarm',
};

/** Why a document has no Terraform form. */
export class NoTerraformForm extends Error {}

/** PascalCase to snake_case: MemorySizeInMB -> memory_size_in_mb, S3OutputPath -> s3_output_path. */
export const snake = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const intrinsicKey = (v: unknown) => (isObj(v) && Object.keys(v).length === 1 && (Object.keys(v)[0] === 'Ref' || Object.keys(v)[0]!.startsWith('Fn::')) ? Object.keys(v)[0]! : null);

export interface Names {
  /** The Terraform address of a logical id (aws_sagemaker_model.model), or null when it is not a resource here. */
  address(logicalId: string): string | null;
  /** A CloudFormation parameter, as Terraform refers to it (var.x). */
  parameter(name: string): string;
}

/** What `<address>.<attr>` is for a CloudFormation attribute of a resource. */
function attribute(address: string, cfnAttr: string): string {
  const type = address.split('.')[0]!;
  const kind = TERRAFORM_RESOURCES[type];
  if (kind?.named && cfnAttr === kind.name) return `${address}.name`;
  return `${address}.${snake(cfnAttr)}`;
}

/** A value: literals as they are, intrinsics as references. */
export function tfValue(v: unknown, names: Names): HValue {
  const k = intrinsicKey(v);
  if (k === 'Ref') {
    const id = String((v as Obj).Ref);
    const a = names.address(id);
    if (!a) return raw(names.parameter(id));
    return raw(a.startsWith('aws_appautoscaling_target.') ? `${a}.id` : `${a}.arn`);
  }
  if (k === 'Fn::GetAtt') {
    const g = (v as Obj)['Fn::GetAtt'];
    const [id, attr] = Array.isArray(g) ? [String(g[0]), String(g[1])] : String(g).split('.');
    const a = names.address(id!);
    if (!a) throw new NoTerraformForm(`GetAtt of ${id}`);
    return raw(attribute(a, attr!));
  }
  if (k === 'Fn::Sub' && typeof (v as Obj)['Fn::Sub'] === 'string') {
    const text = ((v as Obj)['Fn::Sub'] as string).replace(/\$\{([\w:]+)(?:\.(\w+))?\}/g, (_m, id: string, attr?: string) => {
      const a = names.address(id);
      if (a) return `\${${attribute(a, attr ?? 'Arn')}}`;
      return `\${${names.parameter(id)}}`;
    });
    return template(text);
  }
  if (k) throw new NoTerraformForm(`${k} has no Terraform form here`);
  if (Array.isArray(v)) return v.map((x) => tfValue(x, names));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([x, y]) => [x, tfValue(y, names)]));
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new NoTerraformForm(`a ${typeof v} value`);
}

/** The body of a structure under an API shape (null: by rule), as blocks or as attributes. */
function items(props: Obj, shapeName: string | null, names: Names, o: { blocks: boolean; renames: Readonly<Record<string, string>>; top?: Readonly<Record<string, string>>; nameProp?: string }): HItem[] {
  const attrs: HItem[] = [];
  const blocks: HItem[] = [];
  for (const [key, v] of Object.entries(props)) {
    if (v === undefined) continue;
    // A generator's comment entry (a suppression directive with its reason) stays a comment.
    if (key.startsWith('#') && typeof v === 'string') {
      attrs.push({ comment: v });
      continue;
    }
    const tf = key === o.nameProp ? 'name' : (o.top?.[key] ?? o.renames[key] ?? snake(key));
    const memberShapeName = shapeName ? shape(shapeName)?.members?.[key] : undefined;
    const s = memberShapeName ? shape(memberShapeName) : undefined;
    const isMap = s?.type === 'map' || (key === 'Environment' && !s);
    const itemShape = s?.type === 'list' ? (s.member ?? null) : s?.type === 'structure' ? memberShapeName! : null;
    if (!isMap && isObj(v) && !intrinsicKey(v)) {
      if (o.blocks) blocks.push({ block: { type: tf, labels: [], items: items(v, itemShape, names, { ...o, top: undefined, nameProp: undefined }) } });
      else attrs.push({ attr: tf, value: objectValue(v, itemShape, names) });
    } else if (!isMap && Array.isArray(v) && v.length && v.every((x) => isObj(x) && !intrinsicKey(x))) {
      if (o.blocks) for (const x of v) blocks.push({ block: { type: tf, labels: [], items: items(x as Obj, itemShape, names, { ...o, top: undefined, nameProp: undefined }) } });
      else attrs.push({ attr: tf, value: v.map((x) => objectValue(x as Obj, itemShape, names)) });
    } else attrs.push({ attr: tf, value: tfValue(v, names) });
  }
  return [...attrs, ...blocks];
}

/** A structure as an object attribute (awscc): keys in snake_case, maps kept as they are. */
function objectValue(v: Obj, shapeName: string | null, names: Names): HValue {
  const out: Record<string, HValue> = {};
  for (const [key, x] of Object.entries(v)) {
    const memberShapeName = shapeName ? shape(shapeName)?.members?.[key] : undefined;
    const s = memberShapeName ? shape(memberShapeName) : undefined;
    const isMap = s?.type === 'map' || key === 'Environment';
    if (!isMap && isObj(x) && !intrinsicKey(x)) out[snake(key)] = objectValue(x, s?.type === 'structure' ? memberShapeName! : null, names);
    else out[snake(key)] = tfValue(x, names);
  }
  return out;
}

/** One CloudFormation resource as a Terraform resource block. */
export function tfResource(cfnType: string, name: string, props: Obj, names: Names): HBlock {
  const type = WRITTEN_AS[cfnType];
  if (!type) throw new NoTerraformForm(`${cfnType} has no Terraform resource here`);
  const kind = TERRAFORM_RESOURCES[type]!;
  const invert = (r: Readonly<Record<string, string>> = {}) => Object.fromEntries(Object.entries(r).map(([tf, api]) => [api, tf]));
  const renames = invert(kind.renames);
  const top = invert(kind.topRenames);
  const p = { ...props };
  const extra: HItem[] = [];
  if (type === 'aws_appautoscaling_policy' && p.ScalingTargetId !== undefined) {
    // A policy names its target by resource id, dimension and namespace: the target's own.
    const target = tfValue(p.ScalingTargetId, names);
    const address = isRaw(target) ? target.raw.replace(/\.id$/, '') : null;
    if (!address) throw new NoTerraformForm('ScalingTargetId');
    for (const a of ['resource_id', 'scalable_dimension', 'service_namespace']) extra.push({ attr: a, value: raw(`${address}.${a}`) });
    delete p.ScalingTargetId;
  }
  if (type === 'aws_cloudwatch_metric_alarm' && Array.isArray(p.Dimensions)) {
    extra.push({ attr: 'dimensions', value: Object.fromEntries((p.Dimensions as Obj[]).map((d) => [String(d.Name), tfValue(d.Value, names)])) });
    delete p.Dimensions;
  }
  const body = items(p, kind.shape, names, { blocks: type.startsWith('aws_'), renames, top, nameProp: kind.named ? kind.name : undefined });
  const firstBlock = body.findIndex((i) => 'block' in i);
  body.splice(firstBlock < 0 ? body.length : firstBlock, 0, ...extra);
  return { type: 'resource', labels: [type, name], items: body };
}

/** The address a logical id gets: its type and its name in snake_case. */
export function addressOf(cfnType: string, logicalId: string): string | null {
  const type = WRITTEN_AS[cfnType];
  return type ? `${type}.${snake(logicalId)}` : null;
}
