import { refCoefficients } from './reference/index.ts';
import * as lib from './src/index.ts';
for (const eta of [1 - 1e-9, 1 + 1e-9]) {
  const c = refCoefficients([[1.5, 0], [0, 3]], [[1, 0], [0, 1]], eta, { digits: 50 });
  console.log(eta, c.diffusion[0][0].re.toSignificantDigits(9).toString(), c.diffusion[0][0].im.toSignificantDigits(9).toString(), c.diffusion[1][1].re.toSignificantDigits(6).toString(), c.diffusion[1][1].im.toSignificantDigits(6).toString());
}
for (const model of ['spf', 'sme1', 'hasme'] as const) {
  try { const c = refCoefficients([[1.5, 0], [0, 3]], [[1, 0], [0, 1]], 1, { digits: 50, model }); console.log(model, 'ok T00', c.drift[0][0].toString().slice(0, 40)); } catch (e) { console.log(model, String(e).slice(0, 80)); }
  try { const c = lib.coefficients([[1.5, 0], [0, 3]], [[1, 0], [0, 1]], 1, { model }); console.log('lib', model, 'ok', c.drift.re[0], c.drift.im![0]); } catch (e) { console.log('lib', model, String(e).slice(0, 80)); }
}
for (const m of [-0.05, -0.1, -0.25, -0.5, -0.9, -1.1, -2, -2.5]) { const r = Math.abs(Math.log(Math.abs(m))); console.log(m, Math.sqrt(1 + (Math.PI / r) ** 2).toFixed(3)); }
