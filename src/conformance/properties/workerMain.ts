/**
 * The claim-running side of `hasme check --properties` (a worker thread, src/conformance/properties/run.ts).
 * Each seam call posts its request line to the main thread and blocks (Atomics.wait) until the
 * main thread has the answer from the implementation and wakes it; the answer is then taken
 * synchronously off the port (receiveMessageOnPort). So the claim checks stay synchronous
 * fast-check properties and shrink on the implementation under test.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ClaimOutcome } from '../../claims/types.js';
import type { Model } from '../../formats/types.js';
import { propertyClaims, rowKey } from './claims.js';
import { ImplementationFault, protocolImpl, type SyncCall } from './protocolImpl.js';
import type { Sampler } from './sampleLaw.js';
import { answerCap, type RelayAnswer, type RelayRequest, type WorkerInput, type WorkerMessage } from './relay.js';

const input = workerData as WorkerInput;
const flag = new Int32Array(input.flag);
const port = input.port as MessagePort;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

let nextId = 0;
let fault: string | null = null;

/** One request → its answer, blocking this thread while the main thread relays it. */
const call: SyncCall = (request) => {
  if (fault !== null) throw new ImplementationFault(fault);
  const id = `p${++nextId}`;
  const line = JSON.stringify({ id, ...request });
  Atomics.store(flag, 0, 0);
  const maxBytes = answerCap(String(request.op), Number(request.n ?? 0), (request.H as unknown[]).length);
  port.postMessage({ id, line, maxBytes } satisfies RelayRequest);
  Atomics.wait(flag, 0, 0);
  const reply = receiveMessageOnPort(port)?.message as RelayAnswer | undefined;
  if (!reply) throw new ImplementationFault('internal: woken without an answer');
  if (reply.fault !== undefined) {
    fault = reply.fault;
    throw new ImplementationFault(fault);
  }
  return reply.answer;
};

const impl = protocolImpl(call, input.unitRoundoff);
const sample: Sampler = (model: Model, H, Sigma, eta, x0, steps, n, seed) => {
  const a = call({ op: 'sample', model, eta, H, Sigma, x0, steps, n, seed }) as { samples?: number[][]; error?: string; message?: string };
  if (a?.error !== undefined) throw new Error(`answered error "${a.error}"${a.message ? ` (${a.message})` : ''} to a sample request in regime R with a real PD covariance`);
  if (!Array.isArray(a?.samples)) throw new Error('invalid answer to sample: no samples array');
  return a.samples;
};

const rows = propertyClaims(impl, input.ops.includes('sample') ? sample : undefined, { ops: input.ops, sampleN: input.sampleN });
for (const [index, row] of rows.entries()) {
  const selected = input.claims === undefined || input.claims.includes(rowKey(row));
  if (!selected) continue;
  if (!row.check) {
    post({ type: 'row', index, id: row.id, part: row.part, notApplicable: row.notApplicable });
    continue;
  }
  if (fault !== null) {
    post({ type: 'row', index, id: row.id, part: row.part, notRun: `not run: ${fault}` });
    continue;
  }
  const requestsBefore = nextId;
  let outcome: ClaimOutcome;
  try {
    outcome = await row.check.run({ runs: input.runs, seed: input.seed, replay: input.replay });
  } catch (err) {
    if (!(err instanceof ImplementationFault)) throw err;
    outcome = { id: row.id, status: 'fails', cases: 0, worstError: null, notes: '' };
  }
  post({ type: 'row', index, id: row.id, part: row.part, title: row.check.title, outcome, fault: fault ?? undefined, requests: nextId - requestsBefore });
}
post({ type: 'done' });
