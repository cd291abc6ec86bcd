#!/usr/bin/env node
// Bundles the extension and the CLI with esbuild, one file each:
//   out/extension.js  (vscode external)      out/cli.js  (#!/usr/bin/env node)
// (`npm run gen:schema` writes the JSON Schemas; a test checks they match.)
// --production minifies; --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  define: { __VERSION__: JSON.stringify(version) },
  // jsonc-parser's UMD build confuses bundlers; use its ESM build.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'out', external: ['vscode'] },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'out', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[build] watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[build] out/extension.js, out/cli.js in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
