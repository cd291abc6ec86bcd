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

/** The commit-msg hook's files, all in one folder: what the package, the VSIX and the editor's copy carry. */
export const HOOK_FILES = ['hook.js', 'hook-lint.js', 'hook-policy.js', 'hook-re2.js'];

/**
 * The commit-msg hook, in four files so that a commit loads only what it
 * uses: hook.js (a small loader that uses V8's code cache), hook-lint.js
 * (the linter alone, no simple-git), hook-policy.js (the policy parser
 * with zod and jsonc-parser, and the policy loader with simple-git:
 * needed only when a policy text is new to the memo or extends another)
 * and hook-re2.js (re2js: needed only when a repository pattern runs,
 * e.g. commit.requireTicket). The hook plugin below turns the two seams
 * into run-time requires of the sibling file. Always minified: every
 * commit compiles or deserialises it, and its size is most of the hook's
 * start-up.
 */
export function hookBuild(production, outdir) {
  return {
    ...commonOptions(true), sourcemap: production ? false : 'linked',
    entryPoints: { hook: 'src/cli/hook/loader.ts', 'hook-lint': 'src/cli/hook/main.ts', 'hook-policy': 'src/cli/hook/policyParts.ts', 'hook-re2': RE2_ENTRY },
    outdir, plugins: [hookParts()],
  };
}

const RE2_ENTRY = 'change-control:hook-re2';

/**
 * The seams between the hook's files: `re2js`, wherever it is imported
 * (but in hook-re2.js itself), becomes a stand-in whose every property
 * read loads hook-re2.js on first use; `./policyParts`, imported by the
 * hook's main.ts, becomes a require of hook-policy.js. Both are required
 * by absolute path from the bundle's own folder (`__dirname`), which
 * hook.js resolves to its code-cached load of the same file.
 */
function hookParts() {
  const sibling = (file) => `require(require("node:path").join(__dirname, ${JSON.stringify(file)}))`;
  return {
    name: 'change-control-hook-parts',
    setup(build) {
      const resolveDir = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onResolve({ filter: /^change-control:hook-re2$/ }, () => ({ path: 'hook-re2', namespace: 'hook-part' }));
      build.onLoad({ filter: /.*/, namespace: 'hook-part' }, () => ({ contents: "export { RE2JS } from 're2js';", resolveDir, loader: 'js' }));
      build.onResolve({ filter: /^re2js$/ }, (args) => (args.namespace === 'hook-part' ? undefined : { path: 're2js', namespace: 'hook-seam' }));
      build.onResolve({ filter: /^\.\/policyParts$/ }, (args) =>
        (/[\\/]src[\\/]cli[\\/]hook[\\/]main\.ts$/.test(args.importer) ? { path: 'policyParts', namespace: 'hook-seam' } : undefined));
      build.onLoad({ filter: /^re2js$/, namespace: 'hook-seam' }, () => ({
        contents: `let real; const load = () => (real ??= ${sibling('hook-re2.js')}.RE2JS);\n`
          + 'export const RE2JS = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n',
        loader: 'js',
      }));
      build.onLoad({ filter: /^policyParts$/, namespace: 'hook-seam' }, () => ({ contents: `module.exports = ${sibling('hook-policy.js')};\n`, loader: 'js' }));
    },
  };
}

/** The extension host bundle (`vscode` is provided by the host). */
export function extensionBuild(production, outdir) {
  return { ...commonOptions(production), entryPoints: { extension: 'src/extension/extension.ts' }, outdir, external: ['vscode'] };
}

export { version };
