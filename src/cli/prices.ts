// Where a run's price table comes from (--prices FILE, the cache, the built-in table), and
// `deploy-advisor prices show`. `prices update` is in prices-update.ts.

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILTIN_PRICES, BUILTIN_REGION, PriceFileError, REGION_RE, checkPriceFile, emptyPrices, priceTableFromFile, type PriceFile, type PriceTable } from '../rules/facts/prices';
import { closestMember } from '../rules/facts/api';
import { REGIONS, REGIONS_SOURCE } from '../rules/facts/regions.generated';
import { EXIT, UsageError, readCapped, type Io } from './io';

export const PRICING_URL_ENV = 'DEPLOY_ADVISOR_PRICING_URL';
const PRICING_URL = 'https://pricing.us-east-1.amazonaws.com';

export function offerUrl(env: Io['env'], region: string): string {
  const base = (env[PRICING_URL_ENV] || PRICING_URL).replace(/\/+$/, '');
  return `${base}/offers/v1.0/aws/AmazonSageMaker/current/${region}/index.json`;
}

export function cacheDir(env: Io['env']): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'deploy-advisor');
}

export function cachePath(env: Io['env'], region: string): string {
  return join(cacheDir(env), `prices-${region}.json`);
}

export function checkRegion(region: string, flag = '--region'): string {
  if (!REGION_RE.test(region)) throw new UsageError(`${flag} "${region}" is not a Region code; use one such as us-east-1 or eu-west-1`);
  return region;
}

// ---- which table a run uses -----------------------------------------------------------------

export interface LoadedPrices {
  table: PriceTable;
  /** One line for stderr when costs will be unknown or the table is not what was asked for. */
  hint: string | null;
}

/** An extracted table holds a few hundred prices (tens of KB); anything far larger is the wrong file. */
const MAX_PRICE_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a price table: a regular file only (not /dev/zero or a FIFO), capped while reading. */
function readPriceText(path: string): string {
  const buf = readCapped(path, MAX_PRICE_FILE_BYTES, true);
  if (buf.length > MAX_PRICE_FILE_BYTES) throw Object.assign(new Error('larger than 16 MiB; it is not a table written by deploy-advisor prices update'), { code: 'ETOOBIG' });
  return buf.toString('utf8');
}

function readPriceFile(path: string): PriceFile {
  let text: string;
  try {
    text = readPriceText(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot read price table ${path}: ${why}; give a table written by deploy-advisor prices update`);
  }
  try {
    return checkPriceFile(JSON.parse(text));
  } catch (e) {
    if (e instanceof PriceFileError) throw new UsageError(`price table ${path}: ${e.message}`);
    throw new UsageError(`price table ${path} is not valid JSON; make one with deploy-advisor prices update`);
  }
}

/**
 * The table for a run: --prices FILE, else the cached extract for the Region, else the built-in
 * us-east-1 table; a Region with none of these gets an empty table (costs unknown) and a hint.
 */
export function loadPrices(opts: { region?: string; prices?: string }, io: Io): LoadedPrices {
  const region = checkRegion(opts.region ?? BUILTIN_REGION);
  if (opts.prices) {
    const path = resolve(io.cwd, opts.prices);
    const f = readPriceFile(path);
    if (opts.region && f.region !== opts.region) throw new UsageError(`--prices ${opts.prices} holds prices for ${f.region}, not --region ${opts.region}`);
    return { table: priceTableFromFile(f), hint: null };
  }
  const cached = cachePath(io.env, region);
  let f: PriceFile | null = null;
  try {
    f = checkPriceFile(JSON.parse(readPriceText(cached)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { ...fallback(region), hint: `the cached price table ${cached} is unreadable (${(e as Error).message}); run deploy-advisor prices update --region ${region}` };
    }
  }
  if (f && f.region === region) return { table: priceTableFromFile(f), hint: null };
  return fallback(region);
}

/**
 * A Region code the pinned AWS SDK's partitions table does not list (a misspelling, or a Region
 * newer than the pin): what to say, with the closest listed code. Null for a listed Region.
 */
export function unlistedRegion(region: string, consequence = ''): string | null {
  if (REGIONS[region] !== undefined) return null;
  const best = closestMember(region, Object.keys(REGIONS));
  const near = best !== null ? `; did you mean ${best} (${REGIONS[best]})?` : '';
  return `${region} is not a Region the AWS SDK lists (${REGIONS_SOURCE.package} ${REGIONS_SOURCE.version})${consequence ? `: ${consequence}` : ''}${near}`;
}

function fallback(region: string): LoadedPrices {
  if (region === BUILTIN_REGION) return { table: BUILTIN_PRICES, hint: null };
  const unlisted = unlistedRegion(region, 'costs are shown as unknown');
  return {
    table: emptyPrices(region, 'none'),
    hint: unlisted ? unlisted : `no prices for ${region}: costs are shown as unknown; run deploy-advisor prices update --region ${region}, or pass --prices FILE`,
  };
}

// ---- the commands ---------------------------------------------------------------------------

export function runPricesShow(opts: { region?: string; prices?: string; format: 'text' | 'json' }, io: Io): number {
  const { table: t, hint } = loadPrices(opts, io);
  if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, prices: { region: t.region, asOf: t.asOf || null, source: t.source }, table: t }, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`prices for ${t.region}${t.asOf ? ` as of ${t.asOf}` : ''}: ${t.source}`];
  const usd = (n: number) => `$${n}`;
  for (const [type, p] of Object.entries(t.hosting)) lines.push(`  ${type.padEnd(18)} ${usd(p.usd).padStart(12)}/h${p.grade === 'D' ? '  (derived)' : ''}`);
  for (const [mb, p] of Object.entries(t.serverless)) lines.push(`  serverless ${`${mb} MB`.padEnd(7)} ${usd(p.usd).padStart(12)}/s`);
  if (t.dataInPerGB) lines.push(`  data in/out        ${usd(t.dataInPerGB.usd).padStart(12)}/GB`);
  if (t.storagePerGBMonth) lines.push(`  ML storage         ${usd(t.storagePerGBMonth.usd).padStart(12)}/GB-month`);
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
