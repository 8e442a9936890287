// Worker thread of the explorer (src/explore/parallel.ts): evaluates chunks of a family's grid.
// Plain ESM so it starts without a TypeScript loader: next to compiled .js files it imports them;
// next to the .ts sources (tests run the sources) it registers tsx, a devDependency, first.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const compiled = existsSync(new URL('./grid.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? '.js' : '.ts';
const { familyByName } = await import(`./families/index${ext}`);
const { gridPoints } = await import(`./grid${ext}`);

const family = familyByName(workerData.family);
parentPort.on('message', (task) => {
  try {
    const cells = [];
    for (const p of gridPoints(task.axes.x, task.axes.y, task.start, task.end)) cells.push(family.cell(workerData.params, p.x, p.y));
    parentPort.postMessage({ id: task.id, cells });
  } catch (err) {
    parentPort.postMessage({ id: task.id, error: { message: err?.message ?? String(err), code: err?.code ?? null } });
  }
});
