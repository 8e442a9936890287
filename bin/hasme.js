#!/usr/bin/env node
// Entry point of the `hasme` command: runs the compiled build in dist/ (`npm run build`, which
// `npm ci` and `npm pack` run through the `prepare` script). No TypeScript loader at run time.
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(entry.pathname)) throw err;
  console.error('hasme: the compiled build (dist/) is missing: run `npm run build` in the hasme-verify checkout');
  process.exit(2);
}
await main(process.argv);
