/**
 * fast-check is a peer dependency (package.json `peerDependencies`): a consumer project on the
 * lowest and on the latest fast-check 4.x installs one copy of it, type-checks the suite's
 * arbitraries (`hasme-verify/arbitraries`) inside its own property, including the package's
 * declaration files (no skipLibCheck), runs that property, and runs the claims report on its
 * fast-check. Registry installs: `npm run test:consumer`, not part of `npm test`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConsumer, packTarball, ROOT, run } from '../packageInstall.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The lowest version the peer range allows and the latest 4.x at the time of the run. */
const LOWEST = pkg.peerDependencies['fast-check'].replace(/^\^/, '');

const PROPERTY = `import fc from 'fast-check';
import { coefficients } from 'hasme-verify';
import { logUniform, spdWithCondition, spectrum, symmetricWithSpectrum } from 'hasme-verify/arbitraries';

// A consumer's own property built from the suite's arbitraries: for η·max|a| < 1 (regime R)
// HA-SME's diffusion Σ̃ is real and symmetric.
const problem = fc.record({
  H: spectrum(3, { min: -2, max: 2 }).chain((a) => symmetricWithSpectrum(a)).map(({ H }) => H),
  Sigma: spdWithCondition(3),
  t: logUniform(1e-3, 0.4),
});
fc.assert(
  fc.property(problem, ({ H, Sigma, t }) => {
    const c = coefficients(H, Sigma, t / 2);
    const D = c.diffusion;
    return c.regime === 'R' && D.im === null && Math.abs(D.re[1] - D.re[3]) <= 1e-12 * (1 + Math.abs(D.re[1]));
  }),
  { numRuns: 30, seed: 1 },
);
console.log('property ok');
`;

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' },
  files: ['property.ts'],
};

let tarballDir: string;
let tarball: string;
const dirs: string[] = [];

beforeAll(async () => {
  tarballDir = mkdtempSync(join(tmpdir(), 'hasme-tarball-'));
  tarball = await packTarball(tarballDir);
});

afterAll(() => {
  for (const d of [tarballDir, ...dirs]) rmSync(d, { recursive: true, force: true });
});

describe('a consumer project on fast-check 4.x (peer dependency)', () => {
  for (const version of [LOWEST, 'latest']) {
    it(`fast-check ${version}: one copy, the arbitraries type-check and run in the consumer's property, the report runs`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hasme-consumer-fc-'));
      dirs.push(dir);
      await installConsumer(dir, {
        'hasme-verify': tarball,
        'fast-check': version === 'latest' ? '^4' : version,
        typescript: pkg.devDependencies.typescript,
        '@types/node': pkg.devDependencies['@types/node'],
      });
      const installed = JSON.parse(readFileSync(join(dir, 'node_modules/fast-check/package.json'), 'utf8')) as { version: string };
      console.log(`fast-check ${version}: installed ${installed.version}`);
      if (version !== 'latest') expect(installed.version).toBe(version);
      // One copy: no nested fast-check under hasme-verify (pure-rand may nest: fast-check 4.0 uses 7.x).
      expect(existsSync(join(dir, 'node_modules/hasme-verify/node_modules/fast-check'))).toBe(false);
      writeFileSync(join(dir, 'property.ts'), PROPERTY);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
      await run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
      expect((await run(process.execPath, ['out/property.js'], { cwd: dir })).stdout).toContain('property ok');
      const report = await run(join(dir, 'node_modules/.bin/hasme'), ['report', '--runs', '3', '--out', 'report', '--json'], { cwd: dir, maxBuffer: 1 << 26 });
      const claims = (JSON.parse(report.stdout) as { claims: { id: string; status: string }[] }).claims;
      expect(claims.filter((c) => c.status !== 'holds')).toEqual([]);
    });
  }
});
