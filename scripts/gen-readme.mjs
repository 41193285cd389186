// Writes the README's generated tables (recommend's flags, the answers-file example) from the input table.
//   npm run gen:readme
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(tmpdir(), `da-readme-${process.pid}.mjs`);
await build({ entryPoints: ['src/cli/inputs-docs.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { updateReadme } = await import(out);
rmSync(out);
const next = updateReadme(readFileSync('README.md', 'utf8'));
writeFileSync('README.md.tmp', next);
renameSync('README.md.tmp', 'README.md');
console.log('README.md: generated sections written');
