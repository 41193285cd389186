// Severities that turn the security rules (DA7001-DA7004: KMS keys, network isolation) off, for
// tests of other rules whose examples need not carry a key or isolation. The security rules
// themselves are tested in test/lint/security.test.ts.
import { RULES } from '../src/rules/lint/index';

export const SECURITY_OFF = Object.fromEntries(RULES.filter((r) => r.security).map((r) => [r.id, 'off' as const]));
