/**
 * Text from an implementation (error codes, messages, ids, stderr, stdout lines) shown on a
 * terminal or in a report: control characters (C0, DEL, C1), line and paragraph separators and
 * bidirectional overrides are written as visible escapes `\u{1b}`, so an implementation cannot
 * move the cursor, ring the bell, clear the screen or reorder text. Idempotent.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character replaced by its `\u{hex}` escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
