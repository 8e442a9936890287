/**
 * Serialisation of cells: fixed key order, null for undefined quantities, and a hard failure on
 * NaN/Infinity (a non-finite number here is a bug to report, never a value to write).
 */
import type { Cell, CellField, RunHeader } from './types.js';
import { BASE_FIELDS } from './types.js';

/** The fields of a family's cells, in output order. */
export function cellFields(extra: readonly CellField[]): CellField[] {
  return [...BASE_FIELDS, ...extra];
}

function checkedValue(cell: Cell, field: CellField): number | string | null {
  const v = cell[field];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new Error(`explore: cell (x=${cell.x}, y=${cell.y}) has non-finite ${field} = ${v}`);
  }
  return v;
}

/** One cell as compact JSON with keys in `fields` order. */
export function cellJson(cell: Cell, fields: readonly CellField[]): string {
  const ordered: Record<string, number | string | null> = {};
  for (const f of fields) ordered[f] = checkedValue(cell, f);
  return JSON.stringify(ordered);
}

/** A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break. */
function csvField(v: number | string): string {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as a CSV row (empty field for null; numbers in shortest round-trip form). */
export function cellCsv(cell: Cell, fields: readonly CellField[]): string {
  return fields.map((f) => {
    const v = checkedValue(cell, f);
    return v === null ? '' : csvField(v);
  }).join(',');
}

/** The header as the opening of the JSON document, up to and including `"cells":[`. */
export function jsonOpening(header: RunHeader): string {
  const head = JSON.stringify({ family: header.family, params: header.params, axes: header.axes });
  return `${head.slice(0, -1)},"cells":[`;
}
