// Preloaded (node -r) into each benchmarked process: writes the process's CPU time (user + system,
// in microseconds, from process start) to fd 3 at exit. CPU time moves less than wall time when
// other work shares the machine, so the benchmarks quote both.
'use strict';
process.on('exit', () => {
  const u = process.cpuUsage();
  try {
    require('node:fs').writeSync(3, `${u.user + u.system}\n`);
  } catch {
    // fd 3 is not open: run outside the benchmark.
  }
});
