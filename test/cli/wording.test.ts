// Issue 21, item 5: sentences as printed, each quoted in the issue. They read right: one plural
// rule, "an 8 GB model", the volume as the user gave it, and one unit on both sides of a comparison.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';

const rec = (...extra: string[]) => cli(['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '800ms', '--latency', '30s', '--model-size', '500MB', ...extra]);

describe('wording (issue 21, item 5)', () => {
  it('the volume as the user gave it: "at 5M requests a day", not "57.9/s"', () => {
    const r = rec('--traffic', 'intermittent', '--requests', '5M/day');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Real-Time Inference: the only option compared that fits at 5M requests a day \(/);
    expect(r.stdout).toMatch(/about \$[\d,.]+ a month for 5M requests a day/);
    expect(r.stdout).not.toMatch(/fits 57\.9\/s|requests\/day/);
  });

  it('"kept warm at 30k requests a month", not "41.1/h"', () => {
    // Callers that retry for 10 min: scaling to zero is weighed (and found to save too little).
    const r = rec('--traffic', 'intermittent', '--requests', '30000/month', '--gpu', '--latency', '10m');
    expect(r.stdout).toMatch(/kept warm at 30k requests a month:/);
    expect(r.stdout).not.toMatch(/kept warm at 41\.1\/h/);
  });

  it('"1 request a second", "1 worker", never "1 requests" or "1 workers"', () => {
    const r = rec('--traffic', 'sustained', '--requests', '1/s');
    expect(r.stdout).toMatch(/at 1 request a second/);
    const j = JSON.parse(rec('--traffic', 'sustained', '--requests', '5M/day', '--model-size', '8GB', '--format', 'json').stdout);
    expect(JSON.stringify(j)).toMatch(/\/ \(1 worker x 70% target utilisation\)/);
    expect(JSON.stringify(j)).toMatch(/\(800 ms per request x 1 worker\)/);
    expect(JSON.stringify(j)).not.toMatch(/\b1 (workers|requests|invocations)\b/);
  });

  it('stays cheaper: the range as volumes, not "a thousandth to a thousand times"', () => {
    const r = rec('--traffic', 'sustained', '--requests', '100/day');
    expect(r.stdout).toMatch(/Serverless Inference stays the cheapest from a tenth to ten times this volume \(10 requests a day to 1k requests a day\)/);
    expect(r.stdout).not.toMatch(/thousandth/);
  });

  it('"an 8 GB model", and the need in the unit of the limit it is compared with', () => {
    const r = rec('--traffic', 'intermittent', '--model-size', '8GB');
    expect(r.stdout).toMatch(/an 8 GB model needs about 8\.94 GiB of memory with 20% headroom; Serverless offers at most 6 GiB/);
    expect(r.stdout).not.toMatch(/\ba 8 GB/);
  });

  it('inference components: the need in GiB, as the instance memory is', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '2s', '--latency', '30s', '--traffic', 'intermittent', '--gpu', '--model-sizes', '20GB,2GB,5GB']);
    expect(r.stdout).toMatch(/a 20 GB model needs about 22\.35 GiB with headroom; ml\.\S+ has \d+ GiB/);
    expect(r.stdout).not.toMatch(/needs about [\d.]+ GB with headroom/);
  });

  it('"an 8-container pipeline"', () => {
    const r = rec('--traffic', 'intermittent', '--pipeline', '8', '--models', '2');
    expect(r.stdout).toMatch(/Serverless is ruled out: an 8-container pipeline/);
    expect(r.stdout).toMatch(/--models 2 was ignored: an 8-container pipeline is one model/);
  });

  it('"both models", not "all 2 models"', () => {
    const r = rec('--traffic', 'sustained', '--models', '2');
    expect(r.stdout).toMatch(/frameworks not given: assumed both models use one framework/);
  });

  it('--region without prices lists each missing price once', () => {
    const r = rec('--traffic', 'intermittent', '--requests', '1/s', '--region', 'ap-south-1');
    const note = r.stdout.split('\n').find((l) => l.includes('costs are unknown for'))!;
    expect(note).toBeDefined();
    expect(note.match(/data processed in \(\$\/GB\)/g)).toHaveLength(1);
    expect(note.match(/data processed out \(\$\/GB\)/g)).toHaveLength(1);
  });

  it('lint --config /nonexist: "it does not exist"', () => {
    const r = cli(['lint', '--config', '/nonexist', 'fixtures/lint/DA1001/invalid.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read config file \/nonexist: it does not exist/);
  });
});
