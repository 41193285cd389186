import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTANCES } from '../../src/rules/facts/instances';
import { BUILTIN_PRICES, UNPRICED, addPrice, checkPriceFile, emptyPriceFile, instancePrice, priceTableFromFile, slotOf, type Price } from '../../src/rules/facts/prices';

const allPrices = (): Array<[string, Price]> => [
  ...(['hosting', 'async', 'batch'] as const).flatMap((u) => Object.entries(BUILTIN_PRICES[u]).map(([k, p]) => [`${u} ${k}`, p] as [string, Price])),
  ...(['serverless', 'provisionedConcurrency', 'provisionedInference'] as const).flatMap((u) => Object.entries(BUILTIN_PRICES[u]).map(([k, p]) => [`${u} ${k}`, p] as [string, Price])),
  ['dataInPerGB', BUILTIN_PRICES.dataInPerGB!],
  ['dataOutPerGB', BUILTIN_PRICES.dataOutPerGB!],
  ['storagePerGBMonth', BUILTIN_PRICES.storagePerGBMonth!],
];

describe('built-in price table (us-east-1)', () => {
  it('every catalog instance has a price for hosting, async and batch, or is marked unpriced (never $0)', () => {
    const problems: string[] = [];
    for (const i of INSTANCES) {
      const priced = (['hosting', 'async', 'batch'] as const).map((u) => instancePrice(BUILTIN_PRICES, u, i.type));
      const unpriced = UNPRICED[i.type];
      if (unpriced) {
        if (priced.some((p) => p !== null)) problems.push(`${i.type} is both priced and unpriced`);
      } else if (priced.some((p) => p === null || !(p.usd > 0))) problems.push(`${i.type} has no price and is not marked unpriced`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(UNPRICED).length).toBeGreaterThan(0);
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.m5d.xlarge')).toBeNull();
  });

  it('every price is above 0 and has a source and a date', () => {
    for (const [what, p] of allPrices()) {
      expect(p.usd, what).toBeGreaterThan(0);
      expect(p.source.length, what).toBeGreaterThan(10);
      expect(p.asOf, what).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.grade === 'D') expect(p.note, `${what}: a derived price says how`).toMatch(/derived/);
    }
  });

  it('covers the six serverless memory sizes, Provisioned Concurrency and its inference rate', () => {
    expect(Object.keys(BUILTIN_PRICES.serverless)).toEqual(['1024', '2048', '3072', '4096', '5120', '6144']);
    expect(BUILTIN_PRICES.serverless[1024]!.usd).toBe(0.00002);
    expect(BUILTIN_PRICES.serverless[6144]!.usd).toBe(0.00012);
    expect(BUILTIN_PRICES.provisionedConcurrency[2048]!.usd).toBe(0.00001);
    expect(BUILTIN_PRICES.provisionedInference[2048]!.usd).toBe(0.0000233);
    expect(BUILTIN_PRICES.storagePerGBMonth!.usd).toBe(0.14);
    expect(BUILTIN_PRICES.dataInPerGB!.usd).toBe(0.016);
  });

  // The table is copied from the researched facts; where they are present, check each sourced
  // (not derived) instance price against its row there.
  const facts = resolve(__dirname, '../../../shared/facts/pricing.md');
  it.skipIf(!existsSync(facts))(`matches ../shared/facts/pricing.md${existsSync(facts) ? '' : ' (SKIPPED: ../shared/facts/pricing.md is absent)'}`, () => {
    const text = readFileSync(facts, 'utf8');
    const mismatches: string[] = [];
    for (const [type, p] of Object.entries(BUILTIN_PRICES.hosting)) {
      if (p.grade === 'D') continue;
      const row = text.split('\n').find((l) => l.startsWith(`| ${type} |`) || l.startsWith(`| (extra) ${type} |`));
      if (!row || !row.split('|')[2]!.includes(String(p.usd))) mismatches.push(`${type} ${p.usd}: ${row ?? 'no row'}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('offer-file usage types', () => {
  it.each([
    ['USE1-Host:ml.m5.xlarge', { field: 'hosting', key: 'ml.m5.xlarge' }],
    ['EUW1-AsyncInf:ml.g5.2xlarge', { field: 'async', key: 'ml.g5.2xlarge' }],
    ['USE1-Tsform:ml.c5.9xlarge', { field: 'batch', key: 'ml.c5.9xlarge' }],
    ['EU-ServerlessInf:Mem-4GB', { field: 'serverless', key: '4096' }],
    ['USE1-ProvisionedConcurrency:Usage-2GB', { field: 'provisionedConcurrency', key: '2048' }],
    ['USE1-ProvisionedConcurrency:Mem-2GB', { field: 'provisionedInference', key: '2048' }],
    ['USE1-Hst:Data-Bytes-In', { field: 'dataInPerGB', key: null }],
    ['APN1-Hst:Data-Bytes-Out', { field: 'dataOutPerGB', key: null }],
    ['USE1-Host:VolumeUsage.gp2', { field: 'storagePerGBMonth', key: null }],
    ['Host:ml.m5.large', { field: 'hosting', key: 'ml.m5.large' }],
    ['USE1-Train:ml.m5.xlarge', null],
    ['USE1-Studio:VolumeUsage.gp3', null],
    ['USE1-Notebk:ml.t3.medium', null],
  ])('%s', (usage, slot) => expect(slotOf(usage)).toEqual(slot));

  it('keeps the lowest non-zero price of a slot; zero prices are never kept', () => {
    const f = emptyPriceFile('us-east-1', 'x', '2026-11-25T00:00:00Z');
    addPrice(f, { field: 'hosting', key: 'ml.m5.xlarge' }, 0);
    expect(f.hosting).toEqual({});
    addPrice(f, { field: 'hosting', key: 'ml.m5.xlarge' }, 0.25);
    addPrice(f, { field: 'hosting', key: 'ml.m5.xlarge' }, 0.23);
    addPrice(f, { field: 'dataInPerGB', key: null }, 0.016);
    expect(f.hosting).toEqual({ 'ml.m5.xlarge': 0.23 });
    expect(f.dataInPerGB).toBe(0.016);
  });
});

describe('extracted price files', () => {
  const good = { ...emptyPriceFile('eu-west-1', 'https://example/index.json', '2026-11-25T04:00:00Z'), publicationDate: '2026-09-20T02:56:06Z', hosting: { 'ml.m5.xlarge': 0.257 }, serverless: { '1024': 0.0000224 } };

  it('loads into a table whose prices carry the file source and publication date', () => {
    const t = priceTableFromFile(checkPriceFile(JSON.parse(JSON.stringify(good))));
    expect(t.region).toBe('eu-west-1');
    expect(t.asOf).toBe('2026-09-20');
    expect(t.hosting['ml.m5.xlarge']).toEqual({ usd: 0.257, source: 'https://example/index.json', asOf: '2026-09-20' });
    expect(t.dataInPerGB).toBeNull();
  });

  it.each([
    [{}, /not a deploy-advisor price table/],
    [{ ...good, formatVersion: 2 }, /formatVersion 2 is not supported/],
    [{ ...good, region: 'Ireland' }, /"region" must be a Region code/],
    [{ ...good, hosting: { 'ml.m5.xlarge': 0 } }, /"hosting.ml.m5.xlarge" must be a price above 0/],
    [{ ...good, hosting: { 'm5.xlarge': 1 } }, /unexpected key "m5.xlarge"/],
    [{ ...good, serverless: { '1GB': 1 } }, /unexpected key "1GB"/],
    [{ ...good, storagePerGBMonth: '0.14' }, /"storagePerGBMonth" must be a price above 0 or null/],
    [{ ...good, publicationDate: '' }, /"publicationDate" must be a non-empty string/],
  ])('rejects a bad file (%#)', (file, message) => expect(() => checkPriceFile(file)).toThrow(message));
});
