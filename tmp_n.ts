import { refCoefficients, refEigSym } from './reference/index.ts';
for (const eta of ['0.1', '0.01', '0.001', '0.000001']) {
  const c = refCoefficients([[1, 0], [0, 0.2]], [[0.5, 0.5], [0.5, 0.5]], Number(eta), { digits: 50 });
  const v = refEigSym(c.diffusion.map((r) => r.map((z) => z.re.toString())), { digits: 50 }).values[0];
  console.log(eta, v.toSignificantDigits(6).toString());
}
for (const eta of [1 - 1e-9, 1 + 1e-9]) {
  const c = refCoefficients([[1.5, 0], [0, 3]], [[1, 0], [0, 1]], eta, { digits: 50 });
  console.log(eta, c.regime, c.diffusion[0][0].toString().slice(0, 60), c.diffusion[0][1].toString(), c.drift[0][0].toString().slice(0,50));
}
try { refCoefficients([[1.5, 0], [0, 3]], [[1, 0], [0, 1]], 1, { digits: 50 }); } catch (e) { console.log(String(e)); }
