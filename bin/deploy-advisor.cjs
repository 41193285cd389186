#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node's ESM loader adds milliseconds to every start (BENCHMARKS.md).
// Node 22.1+ caches compiled code between runs; a no-op where it does not exist.
require('node:module').enableCompileCache?.();
require('../dist/cli.cjs');
