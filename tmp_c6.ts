import { makeC6 } from './properties/claims/C6.ts';
import { libraryImpl } from './properties/impl.ts';
const t = Date.now();
const o = await makeC6(libraryImpl()).run({ runs: Number(process.env.R ?? 100), seed: 20240528 });
console.log(o.status, o.cases, o.worstError, o.notes.slice(-600), JSON.stringify(o.coverage), o.counterexample?.description, Date.now() - t);
