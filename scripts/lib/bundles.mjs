// The esbuild options of the bundles, shared by scripts/build.mjs (out/) and
// scripts/pack-cli.mjs (the npm package), so the package ships the very CLI the
// extension ships.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** Options every bundle shares; `production` minifies and drops source maps. */
export function commonOptions(production) {
  return {
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
}

/** The `change-control` CLI: one self-contained file with a node shebang. */
export function cliBuild(production, outdir) {
  return { ...commonOptions(production), entryPoints: { cli: 'src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } };
}

/** The GitHub Action's entry (action.yml runs dist/action.js with the runner's node). */
export function actionBuild(production, outdir) {
  return { ...commonOptions(production), entryPoints: { action: 'src/action/main.ts' }, outdir };
}

/**
 * The commit-msg hook: hook.js (a small loader that uses V8's code cache)
 * and hook-lint.js (the linter alone, no simple-git, zod loaded only when
 * a policy text is new). Always minified: every commit compiles or
 * deserialises it, and its size is most of the hook's start-up.
 */
export function hookBuild(production, outdir) {
  return {
    ...commonOptions(true), sourcemap: production ? false : 'linked',
    entryPoints: { hook: 'src/cli/hook/loader.ts', 'hook-lint': 'src/cli/hook/main.ts' }, outdir,
  };
}

/** The extension host bundle (`vscode` is provided by the host). */
export function extensionBuild(production, outdir) {
  return { ...commonOptions(production), entryPoints: { extension: 'src/extension/extension.ts' }, outdir, external: ['vscode'] };
}

export { version };
