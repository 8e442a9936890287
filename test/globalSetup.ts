/**
 * Builds dist/ once before the tests: the tests that spawn `bin/hasme.js` run the compiled CLI,
 * as users do. Incremental (dist/.tsbuildinfo), so an unchanged tree costs ~3 s of CPU.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
