/**
 * `npm run claims:matrix`: regenerates the claim × bug matrix between the markers of
 * spec/claims.md (properties/bugMatrix.ts). `--check` only compares and exits 1 on a difference.
 * The file is replaced atomically (temp file + rename).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { packagePath } from '../src/packageRoot.js';
import { bugMatrix, renderMatrix, spliceMatrix } from './bugMatrix.js';

const path = packagePath('spec/claims.md');
const text = readFileSync(path, 'utf8');
const next = spliceMatrix(text, renderMatrix(await bugMatrix()));
if (process.argv.includes('--check')) {
  if (next !== text) {
    process.stderr.write('spec/claims.md: the claim × bug matrix is out of date; run npm run claims:matrix\n');
    process.exit(1);
  }
} else if (next !== text) {
  writeFileSync(`${path}.tmp`, next);
  renameSync(`${path}.tmp`, path);
  process.stderr.write('spec/claims.md: claim × bug matrix updated\n');
}
