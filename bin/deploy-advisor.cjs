#!/usr/bin/env node
'use strict';
// Starts the bundled CLI. CommonJS on purpose: Node's ESM loader adds milliseconds to every
// start. The bundle is compiled with V8's code cache (dist/cli.cjs.cache, written by the build);
// V8 ignores a cache made by another Node version or for another bundle. BENCHMARKS.md has figures.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // No cache: compile as usual.
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
if (process.env.DEPLOY_ADVISOR_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
