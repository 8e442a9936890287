/**
 * Whether terminal output may carry colour codes, by the conventions other CLIs follow:
 * NO_COLOR (any non-empty value) and FORCE_COLOR=0 turn colour off, FORCE_COLOR=1..3 turns it on,
 * otherwise colour only on a terminal (not in pipes or files) whose TERM is not `dumb`.
 */
export function colorEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** cli-table3 style: bold headers with colour, no colour codes at all without it. */
export function tableStyle(stream: { isTTY?: boolean } = process.stdout): { head: string[]; border: string[] } {
  return { head: colorEnabled(stream) ? ['bold'] : [], border: [] };
}
