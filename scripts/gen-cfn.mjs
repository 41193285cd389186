// @ts-check
// Writes src/rules/facts/cfn.generated.ts: the CloudFormation facts of the resources deploy-advisor
// writes and lints (properties, required properties, types, nested types, !GetAtt attributes),
// read from the CloudFormation resource schemas as @aws-cdk/aws-service-spec carries them.
//   npm run gen:cfn            write the module
//   npm run gen:cfn -- --print write it to stdout instead (the test compares that with the file)
//
// The source is a devDependency pinned to an exact version (package.json), so a fresh clone after
// `npm ci` regenerates the same text. @aws-cdk/aws-service-spec is the AWS CDK's database of the
// CloudFormation registry schemas (db.json.gz: resources, their properties and attributes, and
// the type definitions they use), rebuilt by the CDK team from the published schemas several
// times a week. It is read as data: none of its code runs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const PACKAGE = '@aws-cdk/aws-service-spec';
const DB_FILE = 'db.json.gz';
const OUT = 'src/rules/facts/cfn.generated.ts';
/** The resources deploy-advisor writes and lints. */
const TYPES = [
  'AWS::SageMaker::Model',
  'AWS::SageMaker::EndpointConfig',
  'AWS::SageMaker::Endpoint',
  'AWS::SageMaker::InferenceComponent',
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::CloudWatch::Alarm',
];

/** @param {string} msg @returns {never} */
const fail = (msg) => {
  console.error(`gen:cfn: ${msg}`);
  process.exit(2);
};

const root = new URL('..', import.meta.url).pathname;
/** @type {{ devDependencies?: Record<string, string> }} */
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pinned = pkg.devDependencies?.[PACKAGE];
if (!pinned || !/^\d+\.\d+\.\d+$/.test(pinned)) fail(`package.json must pin ${PACKAGE} to an exact version in devDependencies (found ${pinned ?? 'nothing'})`);
const require = createRequire(join(root, 'package.json'));
let dir;
try {
  dir = dirname(require.resolve(`${PACKAGE}/package.json`));
} catch {
  fail(`${PACKAGE} is not installed: run npm ci`);
}
/** @type {{ version: string }} */
const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (installed.version !== pinned) fail(`${PACKAGE} ${installed.version} is installed, but package.json pins ${pinned}: run npm ci`);
const gz = readFileSync(join(dir, DB_FILE));
const sha256 = createHash('sha256').update(gz).digest('hex');

/**
 * @typedef {{ type: string, element?: DbType, types?: DbType[], reference?: { $ref: string } }} DbType
 * @typedef {{ type: DbType, required?: boolean }} DbProperty
 * @typedef {{ $id: string, name: string, properties: Record<string, DbProperty> }} DbTypeDef
 * @typedef {{ $id: string, cloudFormationType: string, properties: Record<string, DbProperty>, attributes: Record<string, unknown> }} DbResource
 * @typedef {string | { list: CfnType } | { map: CfnType } | { anyOf: CfnType[] }} CfnType
 */
/** @type {{ schema: { resource: { entities: DbResource[] }, typeDefinition: { entities: DbTypeDef[] }, usesType: { forward: Record<string, Array<{ $id: string }>> } } }} */
const db = JSON.parse(gunzipSync(gz).toString('utf8'));
const typeDefs = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'json', 'date-time', 'tag', 'null']);

/** @template T @param {Record<string, T>} o @returns {Record<string, T>} */
const sortKeys = (o) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, /** @type {T} */ (o[k])]),
  );

/**
 * One resource: its property types in a small JSON form. A type is a primitive name, the name of a
 * nested type in `types`, { list: T }, { map: T } (string keys), or { anyOf: [T...] }.
 * @param {DbResource} r
 */
function resource(r) {
  /** @type {Map<string, string>} type definition id -> its name within this resource */
  const names = new Map();
  /** @type {Record<string, { properties: Record<string, CfnType>, required: string[] }>} */
  const types = {};
  /** @param {DbType} t @param {string} where @returns {CfnType} */
  const conv = (t, where) => {
    if (t.type === 'ref') {
      const def = typeDefs.get(t.reference?.$ref ?? '');
      if (!def) fail(`${where}: type ${t.reference?.$ref} is not in the database`);
      const known = names.get(def.$id);
      if (known) return known;
      if ([...names.values()].includes(def.name)) fail(`${r.cloudFormationType}: two nested types are called ${def.name}`);
      names.set(def.$id, def.name);
      types[def.name] = { properties: {}, required: [] };
      const { properties, required } = props(def.properties, `${r.cloudFormationType}.${def.name}`);
      types[def.name] = { properties, required };
      return def.name;
    }
    if (t.type === 'array') return { list: conv(/** @type {DbType} */ (t.element), where) };
    if (t.type === 'map') return { map: conv(/** @type {DbType} */ (t.element), where) };
    if (t.type === 'union') return { anyOf: (t.types ?? []).map((x) => conv(x, where)) };
    if (!PRIMITIVES.has(t.type)) fail(`${where}: unknown type ${t.type}; teach scripts/gen-cfn.mjs and src/rules/facts/cfn.ts about it`);
    return t.type;
  };
  /** @param {Record<string, DbProperty>} ps @param {string} where */
  const props = (ps, where) => {
    /** @type {Record<string, CfnType>} */
    const properties = {};
    for (const [k, p] of Object.entries(ps)) properties[k] = conv(p.type, `${where}.${k}`);
    return {
      properties: sortKeys(properties),
      required: Object.keys(ps)
        .filter((k) => ps[k]?.required)
        .sort(),
    };
  };
  const top = props(r.properties, r.cloudFormationType);
  return { properties: top.properties, required: top.required, attributes: Object.keys(r.attributes).sort(), types: sortKeys(types) };
}

const out = TYPES.map((t) => {
  const r = db.schema.resource.entities.find((e) => e.cloudFormationType === t);
  if (!r) fail(`${t} is not in ${PACKAGE}@${pinned}`);
  return [t, resource(r)];
});

// Each resource's facts are JSON text, parsed on first use: a string costs V8 next to nothing to
// load and to keep in the code cache, where an object literal compiles to large bytecode.
const body = out
  .map(([t, spec]) => {
    // One line per part and per nested type: diffs read by type, and the text stays small.
    const { types, ...top } = /** @type {{ types: Record<string, unknown> }} */ (spec);
    const json = `{\n${Object.entries(top)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`)
      .join('\n')}\n"types": {\n${Object.entries(types)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')}\n}}`;
    if (/[`\\]|\$\{/.test(json)) fail(`${t}: its facts hold a backtick, a backslash or \${, which the template literal cannot carry as is`);
    return `  ${JSON.stringify(t)}: () => JSON.parse(\`${json}\`) as CfnResourceSpec,`;
  })
  .join('\n');
const text = `// GENERATED by scripts/gen-cfn.mjs (npm run gen:cfn): do not edit by hand.
// CloudFormation resource schemas from ${PACKAGE}@${pinned} (${DB_FILE}, sha256 ${sha256}).
// A type is a primitive ('string', 'integer', 'number', 'boolean', 'json', 'date-time', 'tag'), the
// name of one of the resource's nested types, { list: T }, { map: T } or { anyOf: [T, ...] }.
// Each resource's facts are JSON text, parsed when first asked for (src/rules/facts/cfn.ts), so
// a file that holds none of these resources pays for none of them.

export type CfnType = string | { readonly list: CfnType } | { readonly map: CfnType } | { readonly anyOf: readonly CfnType[] };

export interface CfnNestedType {
  readonly properties: Readonly<Record<string, CfnType>>;
  readonly required: readonly string[];
}

export interface CfnResourceSpec extends CfnNestedType {
  /** What !GetAtt may read. */
  readonly attributes: readonly string[];
  readonly types: Readonly<Record<string, CfnNestedType>>;
}

export const CFN_SCHEMA_SOURCE = ${JSON.stringify({ package: PACKAGE, version: pinned, file: DB_FILE, sha256 })} as const;

export const CFN_RESOURCE_TYPES = ${JSON.stringify(TYPES)} as const;
export type CfnResourceType = (typeof CFN_RESOURCE_TYPES)[number];

export const CFN_RESOURCES: Readonly<Record<CfnResourceType, () => CfnResourceSpec>> = {
${body}
};
`;
if (process.argv.includes('--print')) process.stdout.write(text);
else {
  writeFileSync(join(root, OUT), text);
  console.log(`${OUT}: ${TYPES.length} resources, ${out.reduce((n, [, s]) => n + Object.keys(/** @type {{ types: object }} */ (s).types).length, 0)} nested types, from ${PACKAGE}@${pinned}`);
}
