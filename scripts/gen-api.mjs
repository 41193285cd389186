// Writes src/rules/facts/api.generated.ts: the SageMaker API facts the rules and the generator use,
// read from pinned copies of the AWS API model.
//   npm run gen:api
//
// Two sources, because no single one reachable from the npm registry holds everything:
// - @aws-sdk/client-sagemaker (AWS SDK for JavaScript v3), fetched with `npm pack` at a pinned
//   version and checked against its pinned integrity: the newest enumerations (instance types,
//   modes...). It ships no lengths, ranges or patterns.
// - botocore's service model (data/sagemaker/2017-07-24/service-2.json.gz), from the Python
//   botocore package at a pinned version (found with python3, or BOTOCORE_DIR=<botocore folder>):
//   structures, required members, member types, lengths, ranges and patterns.
// The AWS SDK for JavaScript v2 (`aws-sdk`, 2.1693.0, end of life) ships a minified model that
// has dropped enums, lengths and patterns, so it is not used.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tar from 'tar';

const SDK = { name: '@aws-sdk/client-sagemaker', version: '3.1142.0', integrity: 'sha512-sWz0aRt0eeUV72+Iikp7eE+/sI/IXT7WwCa9PZtL26wNYZWe0dwGvZqYxPWr8r2nS7miBAeauZ+ZcQ1Y3pL6RQ==' };
const BOTOCORE = { name: 'botocore', version: '1.43.11', file: 'data/sagemaker/2017-07-24/service-2.json.gz' };
const OUT = 'src/rules/facts/api.generated.ts';
/** The operations deploy-advisor writes and lints, by the AWS CLI input kind. */
const OPERATIONS = {
  'create-endpoint-config': 'CreateEndpointConfig',
  'create-model': 'CreateModel',
  'create-endpoint': 'CreateEndpoint',
  'create-transform-job': 'CreateTransformJob',
};

/** @type {(msg: string) => never} */
const fail = (msg) => {
  console.error(`gen:api: ${msg}`);
  process.exit(2);
};

function sdkEnums() {
  const dir = mkdtempSync(join(tmpdir(), 'da-gen-api-'));
  try {
    // npm pack prints the tarball's name last.
    const file = /** @type {string} */ (
      execFileSync('npm', ['pack', `${SDK.name}@${SDK.version}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()
    );
    const tgz = join(dir, file);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
    if (integrity !== SDK.integrity) fail(`${SDK.name}@${SDK.version} has integrity ${integrity}, not the pinned ${SDK.integrity}`);
    tar.x({ file: tgz, cwd: dir, sync: true, filter: (p) => p === 'package/dist-es/models/enums.js' });
    const text = readFileSync(join(dir, 'package/dist-es/models/enums.js'), 'utf8');
    // Read as data, not run: `export const Name = { KEY: "value", ... };`
    const enums = new Map();
    for (const m of text.matchAll(/export const (\w+) = \{([^}]*)\};/g)) {
      enums.set(
        m[1],
        [...m[2].matchAll(/:\s*"((?:[^"\\]|\\.)*)"/g)].map((v) => JSON.parse(`"${v[1]}"`)),
      );
    }
    if (enums.size < 100) fail(`${SDK.name}@${SDK.version}: found only ${enums.size} enums in dist-es/models/enums.js; has the package layout changed?`);
    return enums;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function botocoreModel() {
  let dir = process.env.BOTOCORE_DIR;
  let version = null;
  if (!dir) {
    try {
      [version, dir] = execFileSync('python3', ['-c', 'import botocore,os;print(botocore.__version__);print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n');
    } catch {
      fail(`botocore ${BOTOCORE.version} not found: install it (pip install botocore==${BOTOCORE.version}) or set BOTOCORE_DIR to its folder`);
    }
  } else if (existsSync(join(dir, '__init__.py'))) {
    version = /__version__ = '([^']+)'/.exec(readFileSync(join(dir, '__init__.py'), 'utf8'))?.[1] ?? null;
  }
  if (version !== BOTOCORE.version) fail(`botocore at ${dir} is ${version}, not the pinned ${BOTOCORE.version}: install that version, or change the pin in scripts/gen-api.mjs and regenerate`);
  return JSON.parse(gunzipSync(readFileSync(join(dir, BOTOCORE.file))).toString('utf8'));
}

const enums = sdkEnums();
const model = botocoreModel();

// Every shape reachable from the operations' inputs.
const shapes = {};
const enumSource = {};
const visit = (name) => {
  if (shapes[name]) return;
  const s = model.shapes[name];
  if (!s) fail(`shape ${name} is not in the botocore model`);
  const out = { type: s.type };
  shapes[name] = out;
  if (s.type === 'structure') {
    out.members = Object.fromEntries(Object.entries(s.members).map(([k, m]) => [k, m.shape]));
    if (s.required?.length) out.required = [...s.required];
    for (const m of Object.values(s.members)) visit(m.shape);
  } else if (s.type === 'list') {
    out.member = s.member.shape;
    visit(s.member.shape);
  } else if (s.type === 'map') {
    out.key = s.key.shape;
    out.value = s.value.shape;
    visit(s.key.shape);
    visit(s.value.shape);
  }
  if (s.min !== undefined) out.min = s.min;
  if (s.max !== undefined) out.max = s.max;
  if (s.pattern !== undefined) out.pattern = s.pattern;
  if (s.enum) {
    const fromSdk = enums.get(name);
    out.enum = fromSdk ?? [...s.enum];
    enumSource[name] = fromSdk ? SDK.name : BOTOCORE.name;
  }
};
const inputs = {};
for (const [kind, op] of Object.entries(OPERATIONS)) {
  const o = model.operations[op];
  if (!o) fail(`operation ${op} is not in the botocore model`);
  inputs[kind] = o.input.shape;
  visit(o.input.shape);
}
const sorted = Object.fromEntries(
  Object.keys(shapes)
    .sort()
    .map((k) => [k, shapes[k]]),
);
const fromBotocoreOnly = Object.entries(enumSource)
  .filter(([, s]) => s === BOTOCORE.name)
  .map(([k]) => k);

const text = `// GENERATED by scripts/gen-api.mjs (npm run gen:api): do not edit by hand.
// SageMaker API model (2017-07-24), shapes reachable from ${Object.values(OPERATIONS).join(', ')}.
// Enumerations: ${SDK.name}@${SDK.version} (dist-es/models/enums.js, ${SDK.integrity}).
// Structures, required members, types, lengths, ranges and patterns: ${BOTOCORE.name} ${BOTOCORE.version} (${BOTOCORE.file}).
// Patterns are as the model writes them (unanchored; they apply to the whole value).

export interface ApiShape {
  readonly type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';
  /** structure: member name -> shape name. */
  readonly members?: Readonly<Record<string, string>>;
  readonly required?: readonly string[];
  /** list: the item shape; map: key and value shapes. */
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  /** strings and lists: lengths; numbers: values. */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export const API_MODEL_SOURCES = ${JSON.stringify({ enums: `${SDK.name}@${SDK.version}`, structures: `${BOTOCORE.name} ${BOTOCORE.version}`, enumsOnlyInBotocore: fromBotocoreOnly }, null, 2)} as const;

/** The input shape of each AWS CLI operation deploy-advisor writes and lints. */
export const OPERATION_INPUTS = ${JSON.stringify(inputs, null, 2)} as const;

export const SHAPES: Readonly<Record<string, ApiShape>> = ${JSON.stringify(sorted, null, 1)};
`;
writeFileSync(OUT, text);
console.log(`${OUT}: ${Object.keys(sorted).length} shapes (${Object.keys(enumSource).length} enums) from ${SDK.name}@${SDK.version} and ${BOTOCORE.name} ${BOTOCORE.version}`);
