// Worker thread of `hasme check --properties` (src/conformance/properties/run.ts): runs the claim
// checks synchronously while the main thread talks to the implementation. Plain ESM so it starts
// without a TypeScript loader: next to compiled .js files it imports them; next to the .ts
// sources it registers tsx first, like bin/hasme.js.
import { existsSync } from 'node:fs';

const compiled = existsSync(new URL('./workerMain.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
await import(compiled ? './workerMain.js' : './workerMain.ts');
