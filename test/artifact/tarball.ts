// Builds tar archives byte by byte, so tests can make the hostile ones no tar tool would write.
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '3' character device, '5' directory. */
  type?: '0' | '1' | '2' | '3' | '5';
  data?: Buffer | string;
  link?: string;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

export function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  h.write(octal(e.type === '5' ? 0o755 : 0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(1_700_000_000, 12), 136);
  h.write('        ', 148);
  h.write(e.type ?? '0', 156);
  if (e.link) h.write(e.link, 157, 100, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const tgz = (entries: TarEntry[]) => gzipSync(tar(entries));
export const files = (...names: string[]): TarEntry[] => names.map((n) => (n.endsWith('/') ? { name: n, type: '5' as const } : { name: n, data: `contents of ${n}` }));
