// Duplicate keys in one pass. The YAML library's own check (uniqueKeys) compares each key with
// every earlier key of its mapping: O(n^2), so a 600 KB file of 60,000 keys took 30 s to lint.
// Keys compare as the library compares them: scalars by value, other keys by identity.

import { isScalar, visit, type Document, type Node } from 'yaml';

/** The duplicate key that comes first in the text (a key equal to an earlier key of its mapping), or null. */
export function firstDuplicateKey(doc: Document.Parsed | Document): Node | null {
  let found: Node | null = null;
  const start = (n: Node) => n.range?.[0] ?? Infinity;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const id = isScalar(key) ? key.value : key;
        if (seen.has(id)) {
          if (key && (found === null || start(key) < start(found))) found = key;
        } else seen.add(id);
      }
    },
  });
  return found;
}

/** The key's text for a message: its value, or "a key" when it is not a scalar. */
export const keyText = (key: Node): string => (isScalar(key) ? JSON.stringify(key.value) : 'a key');
