// The core (src/rules, src/emit) never spells a CLI flag: where a message tells the user which
// answer to give, it writes a reference to the input-table key, {{flag:peak}}, and the CLI names
// the flag (src/cli/inputs.ts nameFlags). Other front ends can name the answer their own way.

/** A reference to the answer with this input-table key, e.g. flagRef('peak'). */
export const flagRef = (key: string): string => `{{flag:${key}}}`;

/** Matches flag references; group 1 is the key. */
export const FLAG_REF = /\{\{flag:(\w+)\}\}/g;
