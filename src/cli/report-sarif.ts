// Lint findings as SARIF 2.1.0, for code-scanning upload.
import { repository, version } from '../../package.json';
import { ALL_RULES } from '../rules/lint/index';
import type { ReportFile } from './lint-file';

// The rule pages, from package.json's repository (one place to change if the project moves).
const REPO = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
export const DOCS_BASE = `${REPO}/blob/main/docs/rules/`;

export function toSarif(results: ReportFile[]) {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const rules = ALL_RULES.filter((r) => used.has(r.id));
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deploy-advisor',
            version,
            informationUri: REPO,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              helpUri: `${DOCS_BASE}${r.id}.md`,
              defaultConfiguration: { level: r.severity },
              properties: { source: r.source },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
            level: f.severity,
            message: { text: f.entry ? `${f.entry}: ${f.message}` : f.message },
            ...(f.entry ? { properties: { entry: f.entry } } : {}),
            locations: [{ physicalLocation: { artifactLocation: { uri: r.path.split('\\').map(encodeURIComponent).join('/').replace(/%2F/g, '/') }, region: { startLine: f.line, startColumn: f.column } } }],
          })),
        ),
      },
    ],
  };
}
