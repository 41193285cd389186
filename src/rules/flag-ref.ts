// The core (src/rules, src/emit) never spells a CLI flag: where a message tells the user which
// answer to give, it writes a reference to the input-table key, {{flag:peak}}, and the CLI names
// the flag (src/cli/inputs.ts nameFlags). Other front ends can name the answer their own way.

/** A reference to the answer with this input-table key, e.g. flagRef('peak'); `no` names its negation (--no-network-isolation). */
export const flagRef = (key: string, no = false): string => `{{flag:${key}${no ? '=no' : ''}}}`;

/** Matches flag references; group 1 is the key, group 2 "=no" for the negation. */
export const FLAG_REF = /\{\{flag:(\w+)(=no)?\}\}/g;
