// YAML output for people and tools. Its own module so that only runs that print YAML load yaml
// (a static import: yaml is CommonJS, and a dynamic import of it has no named exports in the bundle).
import { stringify } from 'yaml';

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
