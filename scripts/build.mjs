#!/usr/bin/env node
// Bundles the extension and the CLI with esbuild, one file each:
//   out/extension.js  (vscode external)      out/cli.js  (#!/usr/bin/env node)
//   out/hook.js + out/hook-lint.js  (the commit-msg hook: loader and linter)
// (`npm run gen:schema` writes the JSON Schemas; a test checks they match.)
// --production minifies; --watch rebuilds on change; --dist writes the committed dist/. The options live in
// scripts/lib/bundles.mjs, shared with the npm package (scripts/pack-cli.mjs).
import { copyFileSync, mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { actionBuild, cliBuild, extensionBuild, hookBuild } from './lib/bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// --dist: the production CLI and the GitHub Action into dist/, which is committed so that
// action.yml and .pre-commit-hooks.yaml run at a tag with no build step. A test checks that
// dist/ is what the sources build.
if (process.argv.includes('--dist')) {
  await Promise.all([esbuild.build(cliBuild(true, 'dist')), esbuild.build(actionBuild(true, 'dist'))]);
  console.log('[build] dist/cli.js, dist/action.js (production)');
  process.exit(0);
}

const builds = [extensionBuild(production, 'out'), cliBuild(production, 'out'), hookBuild(production, 'out')];

// The Create Pull Request webview's icons: the codicon font, local (a webview loads nothing remote).
mkdirSync('out/codicons', { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `out/codicons/${f}`);

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[build] watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[build] out/extension.js, out/cli.js, out/hook.js in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
