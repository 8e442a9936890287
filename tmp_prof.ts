import { propertyChecks } from './src/claims/registry.ts';
import { BUGS } from './properties/bugs.ts';
import { libraryImpl, referenceImpl } from './properties/impl.ts';
import { isExact } from './properties/claims/tolerance.ts';
const runs = Number(process.env.R ?? 4);
const tot: Record<string, number> = {};
for (const bug of [undefined, ...BUGS]) {
  const r = bug ? bug.impl(referenceImpl()) : referenceImpl();
  const checks = propertyChecks(isExact(r) ? r : referenceImpl(), bug ? bug.impl(libraryImpl()) : libraryImpl());
  const line: string[] = [];
  for (const c of checks) {
    const t = Date.now();
    const o = await c.run({ runs, seed: 20240528, shrink: false });
    const dt = Date.now() - t;
    tot[c.id] = (tot[c.id] ?? 0) + dt;
    line.push(`${c.id}:${o.status === 'fails' ? 'X' : '.'}${dt}`);
  }
  console.log((bug?.id ?? 'none').padEnd(24), line.join(' '));
}
console.log(tot);
