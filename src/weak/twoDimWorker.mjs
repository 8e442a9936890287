// Worker thread of the 2-D engine (src/weak/twoDimParallel.ts): one job = twoDimWeakRows of one
// problem. Plain ESM so it starts without a TypeScript loader: next to compiled .js files it imports
// them; next to the .ts sources (tests run the sources) it registers tsx, a devDependency, first.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = existsSync(new URL('./twoDim.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const { twoDimWeakRows } = await import(`./twoDim${compiled ? '.js' : '.ts'}`);

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ id: job.id, rows: twoDimWeakRows(job.problem, job.opts) });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: { message: err?.message ?? String(err), code: err?.code ?? null } });
  }
});
