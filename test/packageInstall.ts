/**
 * The package as a consumer gets it: `npm pack` of this checkout, then `npm install <tarball>` in
 * an empty directory (test/package.test.ts, test/consumer/consumer.test.ts).
 */
import { execFile } from 'node:child_process';
import { readdirSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const run = promisify(execFile);

/**
 * Packs this checkout into `dest` and returns the tarball's path. Scripts are skipped: dist/ is
 * already fresh (test/globalSetup.ts builds it), so `prepare` would only build it again.
 */
export async function packTarball(dest: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: ROOT, maxBuffer: 1 << 26 });
  const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
  return join(dest, filename);
}

/**
 * Installs `deps` (name → version or tarball path) with production dependencies only into an
 * empty project in `dir`. `preferOffline` reuses the npm cache (filled by `npm ci`).
 */
export async function installConsumer(dir: string, deps: Record<string, string>, preferOffline = true): Promise<void> {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: deps }, null, 2));
  const flags = ['--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', ...(preferOffline ? ['--prefer-offline'] : [])];
  await run('npm', ['install', ...flags], { cwd: dir, maxBuffer: 1 << 26 });
}

/** Total size in bytes of the files under `dir` (symbolic links not followed). */
export function treeBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    total += st.isDirectory() ? treeBytes(path) : st.size;
  }
  return total;
}
