// Writes schemas/*.schema.json (JSON Schema draft-07) from the zod schemas in src/cli/schemas.ts:
// answers files, the lint config, and the JSON outputs of recommend, lint, check-artifact and prices.
//   npm run gen:schemas          (test/schemas.test.ts fails when schemas/ is out of date)
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(tmpdir(), `da-schemas-${process.pid}.mjs`);
await build({ entryPoints: ['src/cli/schemas.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { SCHEMAS, jsonSchema } = await import(out);
rmSync(out);
mkdirSync('schemas', { recursive: true });
for (const file of Object.keys(SCHEMAS)) writeFileSync(join('schemas', file), `${JSON.stringify(jsonSchema(file), null, 2)}\n`);
console.log(`schemas/: ${Object.keys(SCHEMAS).join(', ')} written`);
