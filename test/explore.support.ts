/** Support for the explorer tests: an output directory's files by name, for byte-for-byte comparison. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function directoryFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}
