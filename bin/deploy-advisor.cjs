#!/usr/bin/env node
'use strict';
// Starts the bundled CLI. CommonJS on purpose: Node's ESM loader adds milliseconds to every
// start. The bundle and its vendor files (yaml, chalk, tar, prompts) are compiled with V8 code
// caches (*.cjs.cache, written by the build); V8 ignores a cache made by another Node version or
// for other code, and compiles as usual. BENCHMARKS.md has figures.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const dist = path.join(__dirname, '..', 'dist');
const writeCache = process.env.DEPLOY_ADVISOR_WRITE_CODE_CACHE === '1';
const loaded = new Map();

function load(file, parent) {
  if (loaded.has(file)) return loaded.get(file).mod.exports;
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // No cache: compile as usual.
  }
  // latin1, not utf8: the build writes ASCII only (it checks), and Node's UTF-8 decoding of a
  // 250 KB bundle costs milliseconds that a byte-for-byte copy does not.
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'latin1')), { filename: file, cachedData });
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  loaded.set(file, { mod, script });
  const plain = Module.createRequire(file);
  // The bundle's own files (commands, vendor packages) go through the cache too; anything else is Node's require.
  const req = (id) => (/^\.\.?\/.*\.cjs$/.test(id) ? load(path.join(path.dirname(file), id), mod) : plain(id));
  script.runInThisContext().call(mod.exports, mod.exports, Object.assign(req, plain), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

if (writeCache) {
  process.on('exit', () => {
    for (const [file, { script }] of loaded) fs.writeFileSync(`${file}.cache`, script.createCachedData());
  });
}
load(path.join(dist, 'cli.cjs'), module);
