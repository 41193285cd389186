// moto_server for the audit tests: started by the tests themselves on a free loopback port, and
// stopped by them. Where moto_server (or boto3) is missing, or the outside-tool checks are off,
// the tests say SKIPPED by name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ORACLES_OFF, ORACLES_OFF_REASON } from '../oracles';

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0;
}

/** Why the moto tests cannot run here, or null when they can. */
export function motoMissing(): string | null {
  if (ORACLES_OFF) return ORACLES_OFF_REASON;
  if (!has('moto_server', ['--help'])) return 'moto_server is not installed (pip install "moto[server]==5.2.1")';
  if (!has('python3', ['-c', 'import boto3'])) return 'python3 with boto3 is not installed';
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => done(port));
    });
  });
}

export interface Moto {
  url: string;
  port: number;
  stop(): void;
}

/** Starts moto_server and waits until it answers. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  // Its own process group: moto_server may be a shim (pyenv) in front of Python, and stop() must end both.
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((done) => {
      const r = request(`${url}/moto-api/`, { method: 'GET' }, (res) => {
        res.resume();
        done(true);
      });
      r.on('error', () => done(false));
      r.end();
    });
    if (ok) return { url, port, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`moto_server did not start on port ${port}`);
}

/** Creates the fixture endpoints and back-dated metrics (moto_fixture.py). */
export function populate(m: Moto, days: number, bulk: number, scenarios = true): void {
  const r = spawnSync('python3', [join(__dirname, 'moto_fixture.py'), String(m.port), String(days), String(bulk), scenarios ? 'scenarios' : 'bulk-only'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`moto_fixture.py failed: ${r.stderr}`);
}

/** The environment a user would set to point the CLI at moto. */
export const motoEnv = (url: string): Record<string, string> => ({ AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', HOME: '/nonexistent' });

/**
 * A tiny proxy in front of moto that answers some operations with an AWS error instead: by the
 * X-Amz-Target operation name, optionally only when the request body mentions a name, and either
 * always or only for the first `times` requests (throttling that retries get through).
 */
export interface Fault {
  operation: string;
  code: string;
  status: number;
  when?: string;
  times?: number;
}

export async function faultProxy(target: string, faults: Fault[]): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const counts = new Map<Fault, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const op =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      seen.push(op);
      const f = faults.find((x) => x.operation === op && (!x.when || body.toString().includes(x.when)) && (x.times === undefined || (counts.get(x) ?? 0) < x.times));
      if (f) {
        counts.set(f, (counts.get(f) ?? 0) + 1);
        res.writeHead(f.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': f.code });
        res.end(JSON.stringify({ __type: f.code, message: `${f.code} from the test proxy` }));
        return;
      }
      const u = new URL(target);
      const fwd = request({ host: u.hostname, port: u.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      });
      fwd.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      fwd.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((done) => server.close(() => done())) };
}
