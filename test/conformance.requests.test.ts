import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { HasmeInputError } from '../src/errors.js';
import { parseRequestLine, requestOf } from '../src/formats/requests.js';
import { responseProblem, vectorLineProblem } from '../src/formats/schemas.js';
import type { VectorLine } from '../src/formats/types.js';

const problem = { eta: '0.3', H: [['2', '0.5'], ['0.5', '-1']], Sigma: [[1, 0.3], [0.3, 0.5]] };

function parseError(line: string): HasmeInputError {
  try {
    parseRequestLine(line);
  } catch (err) {
    if (err instanceof HasmeInputError) return err;
    throw err;
  }
  throw new Error(`accepted ${line}`);
}

describe('parseRequestLine (spec/schemas/request.schema.json)', () => {
  it('accepts the three ops with numbers or decimal strings', () => {
    const c = parseRequestLine(JSON.stringify({ id: 'c1', op: 'coefficients', ...problem }));
    expect(c).toMatchObject({ id: 'c1', op: 'coefficients', eta: '0.3' });
    const m = parseRequestLine(JSON.stringify({ id: 'm1', op: 'moments', model: 'sgd', x0: ['1', 2], steps: 0, ...problem }));
    expect(m.op).toBe('moments');
    const s = parseRequestLine(JSON.stringify({ id: 's1', op: 'sample', model: 'hasme', x0: [1, 2], steps: 3, n: 10, seed: 7, ...problem }));
    expect(s).toMatchObject({ op: 'sample', n: 10, seed: 7 });
  });

  it('leaves numeric validation to the implementation (strings that are not numbers pass the envelope)', () => {
    expect(parseRequestLine(JSON.stringify({ id: 'x', op: 'coefficients', ...problem, eta: 'NaN' })).eta).toBe('NaN');
  });

  it.each([
    ['{"id":"x","op":', 'parse', 'malformed JSON'],
    ['[1,2]', 'parse', 'line must be a JSON object'],
    ['{"op":"coefficients","eta":1,"H":[[1]],"Sigma":[[1]]}', 'parse', 'field id is missing'],
    ['{"id":"x","eta":1,"H":[[1]],"Sigma":[[1]]}', 'parse', 'field op is missing'],
    ['{"id":"x","op":"coefficients","eta":1,"H":[[1,true]],"Sigma":[[1]]}', 'parse', 'field H[0][1] must be a JSON number or a string'],
    ['{"id":"x","op":"coefficients","eta":1,"H":[1],"Sigma":[[1]]}', 'parse', 'field H[0]'],
    ['{"id":"x","op":"coefficients","eta":[1],"H":[[1]],"Sigma":[[1]]}', 'parse', 'field eta'],
    ['{"id":"x","op":"moments","model":"sgd","eta":1,"H":[[1]],"Sigma":[[1]],"steps":2}', 'parse', 'field x0 is missing'],
    ['{"id":"x","op":"moments","model":"sgd","eta":1,"H":[[1]],"Sigma":[[1]],"x0":[1],"steps":1.5}', 'parse', 'field steps'],
    ['{"id":"x","op":"sample","model":"sgd","eta":1,"H":[[1]],"Sigma":[[1]],"x0":[1],"steps":1,"n":1,"seed":1}', 'parse', 'field n'],
    ['{"id":"x","op":"warp","eta":1,"H":[[1]],"Sigma":[[1]]}', 'unsupported', 'field op must be one of coefficients, moments, sample'],
    ['{"id":"x","op":"moments","model":"sde9","eta":1,"H":[[1]],"Sigma":[[1]],"x0":[1],"steps":1}', 'unsupported', 'field model'],
    ['{"id":"x","op":"coefficients","model":"sgd","eta":1,"H":[[1]],"Sigma":[[1]]}', 'unsupported', 'field model'],
  ])('rejects %s with %s naming the field', (line, code, text) => {
    const err = parseError(line);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });

  it('on arbitrary input either returns a schema-valid request or throws HasmeInputError parse/unsupported', () => {
    const anyLine = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ id: fc.string(), op: fc.constantFrom('coefficients', 'moments', 'sample', 'x'), model: fc.constantFrom('sgd', 'hasme', 'y'), eta: fc.jsonValue(), H: fc.jsonValue(), Sigma: fc.jsonValue(), x0: fc.jsonValue(), steps: fc.jsonValue(), n: fc.jsonValue(), seed: fc.jsonValue() }, { requiredKeys: ['op'] }).map((v) => JSON.stringify(v)),
    );
    const seen = { accepted: 0, parse: 0, unsupported: 0 };
    fc.assert(
      fc.property(anyLine, (line) => {
        try {
          const r = parseRequestLine(line);
          seen.accepted++;
          expect(['coefficients', 'moments', 'sample']).toContain(r.op);
          expect(typeof r.id).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(HasmeInputError);
          const code = (err as HasmeInputError).code;
          expect(['parse', 'unsupported']).toContain(code);
          seen[code as 'parse' | 'unsupported']++;
        }
      }),
      params(300),
    );
    expect(seen.parse).toBeGreaterThan(0);
    expect(seen.unsupported).toBeGreaterThan(0);
  });

  it('keeps the id of an invalid line so the error answer can carry it', () => {
    expect(parseError('{"id":"keep-me","op":"moments"}').detail).toMatchObject({ id: 'keep-me' });
  });
});

describe('vector line and response validators', () => {
  const vector: VectorLine = {
    id: 'mom-1', op: 'moments', model: 'hasme', x0: ['1', '0'], steps: 3, ...problem,
    tags: ['R'], claims: ['C3'], expected: { mean: ['0.5', '0'], pcov: [['1', '0'], ['0', '1']], cov: null },
  };

  it('accepts a vector line and strips it to its request', () => {
    expect(vectorLineProblem(vector)).toBeUndefined();
    expect(requestOf(vector)).not.toHaveProperty('expected');
    expect(requestOf(vector)).toMatchObject({ id: 'mom-1', model: 'hasme', steps: 3 });
    expect(vectorLineProblem({ ...vector, expected: { error: 'singular' } })).toBeUndefined();
  });

  it('names the field of a bad vector line', () => {
    expect(vectorLineProblem({ ...vector, expected: { mean: ['x'], pcov: [['1']], cov: null } })).toContain('expected.mean[0]');
    expect(vectorLineProblem({ ...vector, claims: ['claim3'] })).toContain('claims[0]');
  });

  it('checks responses against the op asked', () => {
    expect(responseProblem({ id: 'a', drift: [[1, [0, 1]]], diffusion: [[1]], regime: 'X' }, 'coefficients')).toBeUndefined();
    expect(responseProblem({ id: 'a', mean: [1], pcov: [[1]], cov: null }, 'coefficients')).toContain('field drift is missing');
    expect(responseProblem({ id: 'a', error: 'singular', message: 'm = 0' }, 'moments')).toBeUndefined();
    expect(responseProblem({ id: 'a', samples: [[1, 2], [3, '4']] }, 'sample')).toContain('samples[1][1]');
    expect(responseProblem({ id: 'a', mean: [1], pcov: [[1]] }, 'moments')).toContain('field cov is missing');
  });
});
