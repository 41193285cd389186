// `deploy-advisor prices update|show` against a local HTTP server that serves an offer file in
// the AWS Price List bulk format (fixtures/prices/offer-eu-west-1.json).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/program';
import { BIN, ROOT, expectOneLineError } from './helpers';

const OFFER = readFileSync(join(ROOT, 'fixtures/prices/offer-eu-west-1.json'));
const PATH = '/offers/v1.0/aws/AmazonSageMaker/current/eu-west-1/index.json';
// A mirror that serves eu-west-1's file at us-west-2's address (issue 19, item 11).
const WRONG = readFileSync(join(ROOT, 'fixtures/prices/offer-wrong-region.json'));
const WRONG_PATH = '/offers/v1.0/aws/AmazonSageMaker/current/us-west-2/index.json';

/** The eu-west-1 file plus products of another Region named only by location (no regionCode). */
function mixed(): Buffer {
  const d = JSON.parse(OFFER.toString());
  const add = (sku: string, usagetype: string, usd: string, attrs: Record<string, string>) => {
    d.products[sku] = { sku, productFamily: 'ML Instance', attributes: { servicecode: 'AmazonSageMaker', usagetype, ...attrs } };
    d.terms.OnDemand[sku] = { [`${sku}.T`]: { sku, priceDimensions: { [`${sku}.T.R`]: { unit: 'Hrs', beginRange: '0', pricePerUnit: { USD: usd } } } } };
  };
  add('OTHER1', 'USW2-Host:ml.m5.large', '0.115', { location: 'US West (Oregon)' });
  // Cheaper than eu-west-1's own price: if it were kept, it would replace it (the lowest list price wins).
  add('OTHER2', 'Host:ml.m5.xlarge', '0.001', { location: 'US West (Oregon)' });
  add('OTHER3', 'EUW1-Host:ml.c5.large', '0.108', { location: 'EU (Ireland)' });
  return Buffer.from(JSON.stringify(d));
}

type Mode = 'ok' | '404' | 'cut' | 'half-json' | 'big' | 'mixed';
let mode: Mode = 'ok';
let server: Server;
let base = '';
const requests: string[] = [];

/** About 30 MB of products deploy-advisor ignores, streamed without being held in memory. */
function big(res: ServerResponse): void {
  const head = OFFER.toString().replace(/"products": \{/, '"products": {');
  const at = head.indexOf('"products": {') + '"products": {'.length;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write(head.slice(0, at));
  let i = 0;
  const pump = () => {
    while (i < 60_000) {
      const chunk = Array.from({ length: 100 }, () => `"BIG${i++}": {"sku": "BIG${i}", "productFamily": "ML Instance", "attributes": {"usagetype": "EUW1-Train:ml.m5.xlarge", "description": "${'x'.repeat(400)}"}},`).join('');
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end(head.slice(at));
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === WRONG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(WRONG);
      return;
    }
    if (req.url !== PATH || mode === '404') {
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<Error><Code>NoSuchKey</Code></Error>');
      return;
    }
    if (mode === 'big') return big(res);
    if (mode === 'cut') {
      // Promises the whole file, sends half, and drops the connection.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(OFFER.length) });
      res.write(OFFER.subarray(0, OFFER.length >> 1), () => res.destroy());
      return;
    }
    const body = mode === 'half-json' ? OFFER.subarray(0, OFFER.length >> 1) : mode === 'mixed' ? mixed() : OFFER;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

let cache: string;
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'da-prices-'));
  mode = 'ok';
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

function io(env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const value: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: false,
    env: { XDG_CACHE_HOME: cache, DEPLOY_ADVISOR_PRICING_URL: base, ...env },
    cwd: ROOT,
    readStdin: async () => Buffer.alloc(0),
  };
  return { io: value, out: () => stdout, err: () => stderr };
}

const cacheFile = () => join(cache, 'deploy-advisor', 'prices-eu-west-1.json');

async function update(region = 'eu-west-1') {
  const t = io();
  const code = await run(['prices', 'update', '--region', region], t.io);
  return { code, stdout: t.out(), stderr: t.err() };
}

describe('prices update', () => {
  it('streams the offer file and writes the inference prices, with source and publication date', async () => {
    const r = await update();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${cacheFile()}`);
    expect(r.stdout).toMatch(/eu-west-1: 3 hosting, 1 async and 1 batch instance prices, 6 serverless memory sizes; published 2026-09-20T02:56:06Z/);
    const f = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(f).toMatchObject({
      format: 'deploy-advisor-prices',
      region: 'eu-west-1',
      source: `${base}${PATH}`,
      publicationDate: '2026-09-20T02:56:06Z',
      // Training is not inference; the free-tier $0 t2.medium line is never a price; a tiered price keeps its first tier.
      hosting: { 'ml.m5.xlarge': 0.257, 'ml.g5.xlarge': 1.571, 'ml.c5.xlarge': 0.228 },
      async: { 'ml.m5.xlarge': 0.257 },
      batch: { 'ml.m5.xlarge': 0.257 },
      serverless: { '1024': 0.0000224, '2048': 0.0000448 },
      provisionedConcurrency: { '2048': 0.0000112 },
      provisionedInference: { '2048': 0.0000261 },
      dataInPerGB: 0.016,
      dataOutPerGB: 0.016,
      storagePerGBMonth: 0.154,
    });
    expect(Object.keys(f.serverless)).toHaveLength(6);
    expect(readdirSync(join(cache, 'deploy-advisor'))).toEqual(['prices-eu-west-1.json']);

    // The estimates for that Region now use it.
    const t = io();
    expect(await run(['prices', 'show', '--region', 'eu-west-1', '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).prices).toEqual({ region: 'eu-west-1', asOf: '2026-09-20', source: `${base}${PATH}` });
  });

  it.each([
    ['404', /was not found \(HTTP 404\): AWS publishes no SageMaker prices for eu-west-1, or the Region code is wrong; the previous price table \(if any\) is kept/],
    ['cut', /the download of .* is incomplete or not a price list .*; the previous price table \(if any\) is kept/],
    ['half-json', /the download of .* is incomplete or not a price list \(Parser .*\); the previous price table \(if any\) is kept/],
  ] as const)('%s: a clear error, exit 2, and the previous cache is kept', async (m, message) => {
    expect((await update()).code).toBe(0);
    const before = readFileSync(cacheFile());
    mode = m;
    const r = await update();
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^deploy-advisor: downloading /);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(message);
    expect(readFileSync(cacheFile())).toEqual(before);
    expect(readdirSync(join(cache, 'deploy-advisor'))).toEqual(['prices-eu-west-1.json']);
  });

  it('keeps only the products of the Region asked for, by regionCode or by location', async () => {
    mode = 'mixed';
    const r = await update();
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    // US West (Oregon) products are dropped, even one whose usage type has no Region prefix;
    // an EU (Ireland) product named by location only is kept.
    expect(f.hosting).toEqual({ 'ml.m5.xlarge': 0.257, 'ml.g5.xlarge': 1.571, 'ml.c5.xlarge': 0.228, 'ml.c5.large': 0.108 });
  });

  it('refuses an offer file with no product of the Region asked for: exit 2, one line, nothing written', async () => {
    const t = io();
    const code = await run(['prices', 'update', '--region', 'us-west-2'], t.io);
    expect(code).toBe(2);
    const lines = t.err().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^deploy-advisor: downloading .*\/us-west-2\/index\.json$/);
    expect(lines[1]).toBe(
      'deploy-advisor: error: the offer file has no SageMaker inference prices for us-west-2 (by regionCode or location); it holds prices for eu-west-1: check the mirror in DEPLOY_ADVISOR_PRICING_URL; the previous price table (if any) is kept',
    );
    expect(t.out()).toBe('');
    expect(existsSync(join(cache, 'deploy-advisor'))).toBe(false);
  });

  it('a 404 with no previous cache writes nothing', async () => {
    mode = '404';
    expect((await update()).code).toBe(2);
    expect(existsSync(join(cache, 'deploy-advisor'))).toBe(false);
  });

  it('a bad Region code exits 2 before any download', async () => {
    const before = requests.length;
    const r = await update('Ireland');
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--region "Ireland" is not a Region code; use one such as us-east-1/);
    expect(requests.length).toBe(before);
  });

  it('the built CLI streams a 30 MB offer file in 64 MB of heap', async () => {
    mode = 'big';
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--max-old-space-size=64', BIN, 'prices', 'update', '--region', 'eu-west-1'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', XDG_CACHE_HOME: cache, DEPLOY_ADVISOR_PRICING_URL: base },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(r.stderr).not.toMatch(/heap|internal error/i);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).hosting['ml.m5.xlarge']).toBe(0.257);
  }, 60_000);
});

describe('prices show and --prices', () => {
  it('us-east-1 uses the built-in table, with its source and date', async () => {
    const t = io();
    expect(await run(['prices', 'show', '--format', 'json'], t.io)).toBe(0);
    const j = JSON.parse(t.out());
    expect(j.prices).toMatchObject({ region: 'us-east-1', asOf: '2026-11-25' });
    expect(j.prices.source).toMatch(/built-in/);
    expect(j.table.hosting['ml.m5.xlarge'].usd).toBe(0.23);
    expect(t.err()).toBe('');
  });

  it('a Region without prices: unknown costs and a one-line hint', async () => {
    const t = io();
    expect(await run(['prices', 'show', '--region', 'ap-northeast-1', '--format', 'json'], t.io)).toBe(0);
    expect(t.err()).toBe('deploy-advisor: no prices for ap-northeast-1: costs are shown as unknown; run deploy-advisor prices update --region ap-northeast-1, or pass --prices FILE\n');
    expect(JSON.parse(t.out()).table.hosting).toEqual({});
  });

  it('--prices FILE loads an extracted table directly', async () => {
    expect((await update()).code).toBe(0);
    const file = join(cache, 'eu.json');
    writeFileSync(file, readFileSync(cacheFile()));
    rmSync(cacheFile());
    const t = io();
    expect(await run(['prices', 'show', '--prices', file], t.io)).toBe(0);
    expect(t.out()).toMatch(/^prices for eu-west-1 as of 2026-09-20: http:\/\/127\.0\.0\.1/);
    expect(t.out()).toMatch(/ml\.m5\.xlarge\s+\$0\.257\/h/);
  });

  it.each([
    [['--prices', 'missing.json'], /cannot read price table .*missing\.json: no such file; give a table written by deploy-advisor prices update/],
    [['--prices', '/dev/zero'], /cannot read price table \/dev\/zero: a device/],
    [['--prices', '.'], /cannot read price table .*: a directory; give a table written by deploy-advisor prices update/],
    [['--prices', 'package.json'], /price table .*package\.json: not a deploy-advisor price table/],
    [['--prices', 'README.md'], /price table .*README\.md is not valid JSON/],
    [['--region', 'eu-west-1', '--prices', 'CACHE'], /--prices .* holds prices for eu-west-1, not --region eu-west-2|no such file/],
  ])('bad --prices %j exits 2 with one line', async (args, message) => {
    const t = io();
    const argv = ['prices', 'show', ...args.map((a) => (a === 'CACHE' ? cacheFile() : a))];
    const code = await run(argv, t.io);
    expect(code).toBe(2);
    expectOneLineError(t.err());
    expect(t.err()).toMatch(message);
  });

  it('--prices naming a FIFO is refused at once instead of waiting for a writer', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'da-fifo-')), 'prices.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return console.warn('SKIPPED: --prices FIFO test (mkfifo unavailable)');
    const t = io();
    expect(await run(['prices', 'show', '--prices', fifo], t.io)).toBe(2);
    expect(t.err()).toMatch(/a FIFO \(named pipe\); give a table written by deploy-advisor prices update/);
  });

  it('--prices for another Region than --region is refused', async () => {
    expect((await update()).code).toBe(0);
    const t = io();
    expect(await run(['prices', 'show', '--region', 'eu-west-2', '--prices', cacheFile()], t.io)).toBe(2);
    expect(t.err()).toMatch(/holds prices for eu-west-1, not --region eu-west-2/);
  });
});
