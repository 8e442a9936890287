/** The explorer's families by name. */
import { HasmeInputError } from '../../errors.js';
import type { Family } from '../types.js';
import { etaCurvature } from './etaCurvature.js';
import { psdThreshold } from './psdThreshold.js';
import { rotated2x2 } from './rotated2x2.js';

/** Every family `hasme explore` knows. */
export const FAMILIES: readonly Family[] = [rotated2x2, etaCurvature, psdThreshold];

/** The family called `name`, or a HasmeInputError listing the known ones. */
export function familyByName(name: string): Family {
  const f = FAMILIES.find((x) => x.name === name);
  if (!f) throw new HasmeInputError('unsupported', `unknown family ${JSON.stringify(name)}; known: ${FAMILIES.map((x) => x.name).join(', ')}`);
  return f;
}
