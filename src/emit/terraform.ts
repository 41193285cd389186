// The Terraform target: main.tf, variables.tf and outputs.tf. It serialises the plan and decides
// nothing: the resources are the CloudFormation target's (cloudFormationDocument, built from the
// same plan), written as Terraform by the mapping lint reads Terraform with
// (src/rules/lint/terraform/to-terraform.ts). Parameters become variables with validation blocks,
// outputs become outputs. Inference components are awscc resources: the aws provider has none.

import { snake, tfResource, tfValue, NoTerraformForm, addressOf, type Names } from '../rules/lint/terraform/to-terraform';
import { raw, writeHcl, type HBlock, type HItem, type HValue } from '../rules/lint/terraform/hcl-write';
import { cloudFormationDocument } from './cloudformation';
import { headerComments } from './common';
import type { Deployment } from '../rules/plan/deployment';
import type { Emit } from './common';
import type { YamlValue } from './yaml';
import { Tagged } from './yaml';

export const TERRAFORM_FILES = ['main.tf', 'variables.tf', 'outputs.tf'] as const;

/**
 * The providers the files are written for (checked 2026-12-06 in hashicorp/terraform-provider-aws's
 * CHANGELOG and hashicorp/terraform-provider-awscc's docs): aws 6.21.0 (2025-11-13) added
 * execution_role_arn on aws_sagemaker_endpoint_configuration and made model_name optional, which a
 * variant hosting inference components needs (#44977); no released aws provider has
 * aws_sagemaker_inference_component (proposed in PR #48894), so components use awscc's
 * awscc_sagemaker_inference_component, generated from AWS::SageMaker::InferenceComponent.
 */
export const PROVIDERS = {
  aws: { source: 'hashicorp/aws', version: '>= 6.21.0, < 7.0.0' },
  awscc: { source: 'hashicorp/awscc', version: '>= 1.0.0, < 2.0.0' },
} as const;

type Obj = { [k: string]: YamlValue };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Tagged);

interface ScheduledAction {
  ScheduledActionName: string;
  Schedule: string;
  Timezone: string;
  /** MaxCapacity may be a reference (the MaxInstanceCount parameter, a variable here). */
  ScalableTargetAction: { MinCapacity: number; MaxCapacity: unknown };
}

/** aws_appautoscaling_scheduled_action for a scalable target's scheduled action. */
function scheduledAction(target: string, a: ScheduledAction, names: Names): HBlock {
  const of = (attr: string) => raw(`${target}.${attr}`);
  return {
    type: 'resource',
    labels: ['aws_appautoscaling_scheduled_action', `${target.split('.')[1]}_${a.ScheduledActionName.replace(/-/g, '_')}`],
    items: [
      { attr: 'name', value: a.ScheduledActionName },
      { attr: 'service_namespace', value: of('service_namespace') },
      { attr: 'resource_id', value: of('resource_id') },
      { attr: 'scalable_dimension', value: of('scalable_dimension') },
      { attr: 'schedule', value: a.Schedule },
      { attr: 'timezone', value: a.Timezone },
      {
        block: {
          type: 'scalable_target_action',
          labels: [],
          items: [
            { attr: 'min_capacity', value: a.ScalableTargetAction.MinCapacity },
            { attr: 'max_capacity', value: tfValue(a.ScalableTargetAction.MaxCapacity, names) },
          ],
        },
      },
    ],
  };
}

/** Every read of the plan: the header, whether it has inference components, and the resources. */
function readPlan(e: Emit, d: Deployment) {
  return {
    header: (deploy: string[]) => headerComments(e, deploy),
    inferenceComponents: Boolean(e.plan.ic),
    template: cloudFormationDocument(e, d),
  };
}

/** Short-form tags as the long-form intrinsics to-terraform.ts reads; `#key` comment entries kept. */
function plain(v: YamlValue): unknown {
  if (v instanceof Tagged) {
    const fn = v.tag === '!Ref' ? 'Ref' : `Fn::${v.tag.slice(1)}`;
    if (fn === 'Fn::GetAtt' && typeof v.value === 'string') return { [fn]: v.value.split('.') };
    return { [fn]: plain(v.value) };
  }
  if (Array.isArray(v)) return v.map(plain);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * A parameter that may be left empty is a variable that defaults to null: Terraform leaves a null
 * argument out, as CloudFormation leaves out `!If [HasX, !Ref X, !Ref AWS::NoValue]`.
 */
function optionalParams(conditions: Obj): Set<string> {
  const out = new Set<string>();
  for (const [name, c] of Object.entries(conditions)) {
    const m = /^Has(\w+)$/.exec(name);
    if (m && JSON.stringify(plain(c)) === JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: m[1] }, ''] }] })) out.add(m[1]!);
  }
  return out;
}

/** Replaces `!If [HasX, !Ref X, !Ref AWS::NoValue]` with `!Ref X` (a variable that may be null). */
function unconditional(v: unknown, optional: Set<string>): unknown {
  if (Array.isArray(v)) return v.map((x) => unconditional(x, optional));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const iff = o['Fn::If'];
  if (Array.isArray(iff) && Object.keys(o).length === 1) {
    const [cond, yes, no] = iff as [string, unknown, unknown];
    const name = /^Has(\w+)$/.exec(cond)?.[1];
    if (name && optional.has(name) && JSON.stringify(no) === JSON.stringify({ Ref: 'AWS::NoValue' })) return unconditional(yes, optional);
    throw new NoTerraformForm(`condition ${cond}`);
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unconditional(x, optional)]));
}

function variable(name: string, p: Record<string, unknown>, optional: boolean): HBlock {
  const v = `var.${snake(name)}`;
  const number = p.Type === 'Number';
  const items: HItem[] = [
    // An optional parameter is left empty in CloudFormation; a variable is left null.
    { attr: 'description', value: String(p.Description ?? name).replace('(empty: ', '(null: ') },
    { attr: 'type', value: raw(number ? 'number' : 'string') },
  ];
  if (optional) items.push({ attr: 'default', value: raw('null') });
  else if (p.Default !== undefined) items.push({ attr: 'default', value: p.Default as HValue });
  const checks: Array<{ condition: string; message: string }> = [];
  const what = `the ${snake(name)} variable`;
  if (typeof p.AllowedPattern === 'string') checks.push({ condition: `can(regex(${JSON.stringify(p.AllowedPattern)}, ${v}))`, message: `${what} must match ${p.AllowedPattern}` });
  if (typeof p.MaxLength === 'number') checks.push({ condition: `length(${v}) <= ${p.MaxLength}`, message: `${what} is at most ${p.MaxLength} characters` });
  if (typeof p.MinValue === 'number') checks.push({ condition: `${v} >= ${p.MinValue}`, message: `${what} is at least ${p.MinValue}` });
  for (const c of checks) {
    items.push({
      block: {
        type: 'validation',
        labels: [],
        items: [
          { attr: 'condition', value: raw(optional ? `${v} == null || ${c.condition}` : c.condition) },
          // Terraform wants a sentence: a capital letter first, a full stop last.
          { attr: 'error_message', value: `${c.message.charAt(0).toUpperCase()}${c.message.slice(1)}.`.replace(/\$\{/g, '$${') },
        ],
      },
    });
  }
  return { type: 'variable', labels: [snake(name)], items };
}

export interface TerraformFile {
  name: (typeof TERRAFORM_FILES)[number];
  content: string;
}

export function terraform(e: Emit, d: Deployment): TerraformFile[] {
  const read = readPlan(e, d);
  const { doc, overrides } = read.template;
  const params = (isObj(doc.Parameters) ? doc.Parameters : {}) as Record<string, Obj>;
  const optional = optionalParams(isObj(doc.Conditions) ? doc.Conditions : {});
  const resources = plain(doc.Resources as YamlValue) as Record<string, Record<string, unknown>>;
  const outputs = plain(doc.Outputs as YamlValue) as Record<string, { Description?: string; Value: unknown }>;

  const endpoint = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SageMaker::Endpoint')?.[0];
  const names: Names = {
    address: (id) => (resources[id] ? addressOf(String(resources[id]!.Type), id) : null),
    // A stack's name is the endpoint's here (policy names are made from it).
    parameter: (p) =>
      p === 'AWS::StackName' && endpoint
        ? `${addressOf('AWS::SageMaker::Endpoint', endpoint)}.name`
        : p in params
          ? `var.${snake(p)}`
          : (() => {
              throw new NoTerraformForm(p);
            })(),
  };

  const main: Array<HBlock | { comment: string }> = [];
  const deploy = ['terraform init', `terraform apply${overrides.map(([k, v]) => ` -var ${snake(k)}=${v}`).join('')}`];
  // One comment block: its empty lines are bare #, as in the other targets.
  for (const line of read.header(deploy)) main.push({ comment: line || ' ' });
  main.push({ comment: '' });
  const providers: Record<string, HValue> = { aws: { ...PROVIDERS.aws } };
  if (read.inferenceComponents) providers.awscc = { ...PROVIDERS.awscc };
  main.push({ type: 'terraform', labels: [], items: [{ block: { type: 'required_providers', labels: [], items: Object.entries(providers).map(([k, v]) => ({ attr: k, value: v })) } }] });

  for (const [id, r] of Object.entries(resources)) {
    for (const [k, v] of Object.entries(r)) if (k.startsWith('#') && typeof v === 'string') main.push({ comment: v });
    const { ScheduledActions: scheduled, ...props } = unconditional(r.Properties, optional) as Record<string, unknown>;
    const block = tfResource(String(r.Type), snake(id), props, names);
    if (typeof r.DependsOn === 'string') block.items.push({ attr: 'depends_on', value: [raw(names.address(r.DependsOn)!)] });
    main.push(block);
    // The aws provider writes a target's scheduled actions as resources of their own.
    if (Array.isArray(scheduled)) main.push(...scheduled.map((a) => scheduledAction(names.address(id)!, a as ScheduledAction, names)));
  }

  const variables = Object.entries(params).map(([name, p]) => variable(name, p, optional.has(name)));
  const outs = Object.entries(outputs).map(([name, o]): HBlock => ({
    type: 'output',
    labels: [snake(name)],
    items: [...(o.Description ? [{ attr: 'description', value: o.Description }] : []), { attr: 'value', value: tfValue(unconditional(o.Value, optional), names) }],
  }));
  return [
    { name: 'main.tf', content: writeHcl(main) },
    { name: 'variables.tf', content: variables.length ? writeHcl(variables) : '# Every value was given: no variables.\n' },
    { name: 'outputs.tf', content: writeHcl(outs) },
  ];
}
