// The Terraform form of a rule's example (a CloudFormation template or an AWS CLI input), for the
// rule docs and fixtures: written with to-terraform.ts, and linted back by the tests.

import { parseCfnYaml } from '../cfn-yaml';
import { writeHcl, type HBlock } from './hcl-write';
import { NoTerraformForm, addressOf, snake, tfResource, tfValue, type Names } from './to-terraform';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The CloudFormation type an AWS CLI input creates (null: no Terraform resource, e.g. a transform job). */
function cliType(d: Obj): string | null {
  if ('TransformJobName' in d) return null;
  if ('InferenceComponentName' in d) return 'AWS::SageMaker::InferenceComponent';
  if ('ProductionVariants' in d) return 'AWS::SageMaker::EndpointConfig';
  if ('EndpointConfigName' in d && 'EndpointName' in d) return 'AWS::SageMaker::Endpoint';
  if ('PrimaryContainer' in d || 'Containers' in d || 'ExecutionRoleArn' in d) return 'AWS::SageMaker::Model';
  return null;
}

/** The example as Terraform, or null when it has none (answers files, transform jobs, conditions). */
export function terraformExample(yamlText: string): string | null {
  let d: unknown;
  try {
    d = parseCfnYaml(yamlText).toJS();
  } catch {
    return null;
  }
  if (!isObj(d)) return null;
  try {
    if (isObj(d.Resources)) {
      const resources = d.Resources as Record<string, Obj>;
      const params = isObj(d.Parameters) ? (d.Parameters as Record<string, Obj>) : {};
      const names: Names = {
        address: (id) => (isObj(resources[id]) ? addressOf(String(resources[id]!.Type), id) : null),
        parameter: (p) => {
          if (!(p in params)) throw new NoTerraformForm(`parameter ${p}`);
          return `var.${snake(p)}`;
        },
      };
      const blocks: HBlock[] = Object.entries(params).map(([p, v]) => ({ type: 'variable', labels: [snake(p)], items: v.Default !== undefined ? [{ attr: 'default', value: tfValue(v.Default, names) }] : [] }));
      for (const [id, r] of Object.entries(resources)) {
        if (!isObj(r) || !isObj(r.Properties)) return null;
        blocks.push(tfResource(String(r.Type), snake(id), r.Properties, names));
      }
      return writeHcl(blocks);
    }
    const type = cliType(d);
    if (!type) return null;
    const names: Names = {
      address: () => null,
      parameter: (p) => {
        throw new NoTerraformForm(p);
      },
    };
    return writeHcl([tfResource(type, 'example', d, names)]);
  } catch (e) {
    if (e instanceof NoTerraformForm) return null;
    throw e;
  }
}
