// Lint findings as SARIF 2.1.0, for code-scanning upload.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { version } from '../../package.json';
import type { RuleMeta } from '../rules/lint/index';
import { ALL_RULES } from './all-rules';
import type { ReportFile } from '../rules/lint/run';
import { REPO, ruleDocUrl, sourceUrl } from './links';

/**
 * GitHub code scanning ranks a rule by these: the `security` tag makes it a security alert,
 * `security-severity` (a number as a string) sets its level, and CWE tags name the weakness.
 */
function securityProperties(r: RuleMeta): { tags?: string[]; 'security-severity'?: string } {
  if (!r.security) return {};
  return { tags: ['security', ...r.security.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)], 'security-severity': r.security.severity.toFixed(1) };
}

/** A relative path as a stable, URL-encoded POSIX URI. */
const uri = (path: string) => path.split('\\').map(encodeURIComponent).join('/').replace(/%2F/g, '/');

function descriptor(r: RuleMeta): ReportingDescriptor {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: r.severity },
    properties: { source: sourceUrl(r.source), ...securityProperties(r) },
  };
}

export function toSarif(results: ReportFile[]): Log {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const rules = ALL_RULES.filter((r) => used.has(r.id));
  const out: Result[] = results.flatMap((r) =>
    r.findings.map((f): Result => {
      // Archive findings have no position inside the file: the region is left out rather than made up.
      // A finding about a whole file is a point (end = start): its region is then the start's line.
      const span = f.endLine > f.line || f.endColumn > f.column ? { endLine: f.endLine, endColumn: f.endColumn } : {};
      const region = f.entry === undefined ? { region: { startLine: f.line, startColumn: f.column, ...span } } : {};
      return {
        ruleId: f.ruleId,
        ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
        level: f.severity,
        message: { text: f.entry ? `${f.entry}: ${f.message}` : f.message },
        properties: { messageId: f.messageId, ...(f.entry ? { entry: f.entry } : {}) },
        locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path) }, ...region } }],
      };
    }),
  );
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'deploy-advisor', version, informationUri: REPO, rules: rules.map(descriptor) } }, results: out }],
  };
}
