// Worker thread of the explorer (src/explore/parallel.ts): evaluates chunks of a family's grid.
// Plain ESM that registers tsx first, like bin/hasme.js, so the TypeScript sources load in the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { familyByName } = await import('./families/index.ts');
const { gridPoints } = await import('./grid.ts');

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
parentPort.postMessage({ ready: true });
