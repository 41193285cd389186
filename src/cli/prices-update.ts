// `deploy-advisor prices update`: streams the AWS Price List bulk offer file for SageMaker in one
// Region (a few MB to hundreds of MB) through a streaming JSON parser, keeps only the inference
// usage types, and writes the small extract atomically into the cache folder. Memory holds one
// product or price dimension at a time, plus the extract. Loaded only by this command: the
// parser (stream-json) is a vendor file of its own.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { parser } from 'stream-json';
import { addPrice, emptyPriceFile, slotOf, type PriceFile, type PriceSlot } from '../rules/facts/prices';
import { productInRegion } from '../rules/facts/region';
import { EXIT, UsageError, type Io } from './io';
import { cachePath, checkRegion, offerUrl, PRICING_URL_ENV, unlistedRegion } from './prices';

/** A download that sends nothing for this long is abandoned. */
const STALL_MS = 60_000;

// ---- reading the offer file -----------------------------------------------------------------

const UNITS: Record<PriceSlot['field'], RegExp> = {
  hosting: /^h(ou)?rs?$/i,
  async: /^h(ou)?rs?$/i,
  batch: /^h(ou)?rs?$/i,
  serverless: /^s(ec(ond)?s?)?$/i,
  provisionedConcurrency: /^s(ec(ond)?s?)?$/i,
  provisionedInference: /^s(ec(ond)?s?)?$/i,
  dataInPerGB: /^GB$/i,
  dataOutPerGB: /^GB$/i,
  storagePerGBMonth: /^GB-?Mo(nth)?$/i,
};

interface Token {
  name: string;
  value?: string | number | boolean | null;
}

/**
 * Reads offer-file tokens into an extract. Layout (the AWS Price List bulk format):
 * { publicationDate, products: { SKU: { productFamily, attributes: { usagetype, ... } } },
 *   terms: { OnDemand: { SKU: { TERM: { priceDimensions: { RATE: { unit, beginRange, pricePerUnit: { USD } } } } } } } }
 */
export class OfferReader {
  /** Keys of the open containers (null for the root and array items). */
  private stack: Array<string | null> = [];
  private key: string | null = null;
  private usage: string | null = null;
  /** The product's Region, as its regionCode and location attributes give it. */
  private place: { regionCode: string | null; location: string | null } = { regionCode: null, location: null };
  /** Inference products of other Regions (a mirror serving the wrong file), by regionCode or location. */
  private readonly elsewhere = new Set<string>();
  private dim: { unit: string | null; begin: string | null; usd: string | null } = { unit: null, begin: null, usd: null };
  /** Products that inference uses, by SKU. */
  private slots = new Map<string, PriceSlot>();
  /** On-demand prices met before their product (files list products first; kept just in case). */
  private early = new Map<string, Array<{ unit: string; usd: number }>>();
  private productsDone = false;
  private rootClosed = false;
  readonly file: PriceFile;

  constructor(region: string, source: string, retrieved: string) {
    this.file = emptyPriceFile(region, source, retrieved);
  }

  token(t: Token): void {
    const s = this.stack;
    switch (t.name) {
      case 'keyValue':
        this.key = t.value as string;
        return;
      case 'startObject':
      case 'startArray':
        s.push(this.key);
        this.key = null;
        if (t.name === 'startObject' && s.length === 3 && s[1] === 'products') {
          this.usage = null;
          this.place = { regionCode: null, location: null };
        }
        if (t.name === 'startObject' && s.length === 7 && s[1] === 'terms') this.dim = { unit: null, begin: null, usd: null };
        return;
      case 'endObject':
      case 'endArray':
        if (s.length === 3 && s[1] === 'products') this.endProduct(s[2]!);
        else if (s.length === 7 && s[1] === 'terms' && s[2] === 'OnDemand') this.endDimension(s[3]!);
        else if (s.length === 2 && s[1] === 'products') this.productsDone = true;
        s.pop();
        this.key = null;
        if (s.length === 0) this.rootClosed = true;
        return;
      default: {
        const v = t.value === null || t.value === undefined ? null : String(t.value);
        const k = this.key;
        if (s.length === 1 && k === 'publicationDate' && v) this.file.publicationDate = v;
        else if (s.length === 4 && s[1] === 'products' && s[3] === 'attributes') {
          if (k === 'usagetype') this.usage = v;
          else if (k === 'regionCode') this.place.regionCode = v;
          else if (k === 'location') this.place.location = v;
        } else if (s.length === 7 && s[1] === 'terms' && s[5] === 'priceDimensions') {
          if (k === 'unit') this.dim.unit = v;
          else if (k === 'beginRange') this.dim.begin = v;
        } else if (s.length === 8 && s[1] === 'terms' && s[7] === 'pricePerUnit' && k === 'USD') this.dim.usd = v;
      }
    }
  }

  private endProduct(sku: string): void {
    const slot = this.usage ? slotOf(this.usage) : null;
    if (!slot) return;
    // Only the Region asked for: a product of another Region never becomes one of its prices.
    if (!productInRegion(this.file.region, this.place)) {
      this.elsewhere.add(this.place.regionCode ?? this.place.location ?? 'no Region named');
      this.early.delete(sku);
      return;
    }
    this.slots.set(sku, slot);
    for (const p of this.early.get(sku) ?? []) this.record(slot, p.unit, p.usd);
    this.early.delete(sku);
  }

  private endDimension(sku: string): void {
    const { unit, begin, usd } = this.dim;
    // Tiered prices: the first tier is the list price for ordinary volumes.
    if (usd === null || unit === null || (begin !== null && Number(begin) !== 0)) return;
    const n = Number(usd);
    const slot = this.slots.get(sku);
    if (slot) this.record(slot, unit, n);
    else if (!this.productsDone) {
      const list = this.early.get(sku) ?? [];
      list.push({ unit, usd: n });
      this.early.set(sku, list);
    }
  }

  private record(slot: PriceSlot, unit: string, usd: number): void {
    if (UNITS[slot.field].test(unit)) addPrice(this.file, slot, usd);
  }

  /** The extract, once the whole file was read. */
  finish(): PriceFile {
    if (!this.rootClosed) throw new OfferError('the offer file ended early');
    if (!this.file.publicationDate) throw new OfferError('the offer file has no publicationDate');
    const f = this.file;
    const count = Object.keys(f.hosting).length + Object.keys(f.async).length + Object.keys(f.batch).length + Object.keys(f.serverless).length;
    if (count === 0 && this.elsewhere.size) {
      const other = [...this.elsewhere].sort().slice(0, 3).join(', ');
      throw new OfferError(`the offer file has no SageMaker inference prices for ${f.region} (by regionCode or location); it holds prices for ${other}: check the mirror in ${PRICING_URL_ENV}`);
    }
    if (count === 0) throw new OfferError(`the offer file has no SageMaker inference prices for ${f.region}`);
    return f;
  }
}

export class OfferError extends Error {
  override name = 'OfferError';
}

/** Downloads and extracts one Region's offer file. Throws OfferError with a one-line reason. */
export async function fetchOffer(url: string, region: string, now: Date): Promise<PriceFile> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const stalled = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new OfferError(`the download stalled (nothing received for ${STALL_MS / 1000} s)`)), STALL_MS);
  };
  stalled();
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: abort.signal });
    } catch (e) {
      throw new OfferError(`cannot download ${url}: ${reason(e)}`);
    }
    if (res.status === 404 || res.status === 403) throw new OfferError(`${url} was not found (HTTP ${res.status}): AWS publishes no SageMaker prices for ${region}, or the Region code is wrong`);
    if (!res.ok || !res.body) throw new OfferError(`cannot download ${url}: HTTP ${res.status}`);
    const reader = new OfferReader(region, url, now.toISOString());
    const body = Readable.fromWeb(res.body as ReadableStream);
    body.on('data', stalled);
    try {
      await pipeline(
        body,
        parser.asStream({ streamValues: false }),
        new Writable({
          objectMode: true,
          write(t: Token, _enc, done) {
            reader.token(t);
            done();
          },
        }),
      );
    } catch (e) {
      if (e instanceof OfferError) throw e;
      throw new OfferError(`the download of ${url} is incomplete or not a price list (${reason(e)})`);
    }
    return reader.finish();
  } finally {
    clearTimeout(timer);
  }
}

function reason(e: unknown): string {
  if (e instanceof OfferError) return e.message;
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return [err.message ?? String(e), cause].filter(Boolean).join(': ').replace(/\s+/g, ' ');
}

/** Writes a file so that readers see the old or the new content, never a part. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

// ---- the command ----------------------------------------------------------------------------

export async function runPricesUpdate(opts: { region: string }, io: Io): Promise<number> {
  const region = checkRegion(opts.region);
  // A Region newer than the SDK pin may still have an offer file: said, not refused.
  const unlisted = unlistedRegion(region);
  if (unlisted) io.stderr.write(`deploy-advisor: ${unlisted}\n`);
  const url = offerUrl(io.env, region);
  const path = cachePath(io.env, region);
  io.stderr.write(`deploy-advisor: downloading ${url}\n`);
  let f: PriceFile;
  try {
    f = await fetchOffer(url, region, new Date());
  } catch (e) {
    if (!(e instanceof OfferError)) throw e;
    io.stderr.write(`deploy-advisor: error: ${e.message}; the previous price table (if any) is kept\n`);
    return EXIT.usage;
  }
  writeAtomically(path, JSON.stringify(f, null, 2) + '\n');
  const n = (r: Record<string, number>) => Object.keys(r).length;
  io.stdout.write(`${region}: ${n(f.hosting)} hosting, ${n(f.async)} async and ${n(f.batch)} batch instance prices, ${n(f.serverless)} serverless memory sizes; published ${f.publicationDate}\n` + `wrote ${path}\n`);
  return EXIT.ok;
}
