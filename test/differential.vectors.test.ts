/**
 * Acceptance of issue #3: the double library behind `hasme serve` reproduces the reference's
 * conformance vectors (vectors/*.jsonl) to 1e−12 relative Frobenius (or a case's own `rtol`,
 * judged by the conformance judge of spec/protocol.md), and answers every singular case (C9)
 * with an error. In-process through the serve line handler, so the whole set runs in seconds.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VECTORS_DIR, loadVectors } from '../src/conformance/vectors.js';
import { judgeCase } from '../src/conformance/verdict.js';
import { requestOf } from '../src/formats/requests.js';
import { handleLine } from '../src/serve/handle.js';

const RTOL = 1e-12;

describe('hasme serve reproduces the conformance vectors', () => {
  it(`every vector within ${RTOL} (or its rtol), singular cases refused`, () => {
    const vectors = loadVectors(DEFAULT_VECTORS_DIR);
    expect(vectors.length).toBeGreaterThan(300);
    const failures = vectors
      .map((v) => judgeCase(v, JSON.parse(handleLine(JSON.stringify(requestOf(v)))), RTOL))
      .filter((verdict) => !verdict.pass)
      .map((verdict) => `${verdict.id}: ${verdict.message}`);
    expect(failures).toEqual([]);
  });
});
