#!/usr/bin/env node
// `npm run package`: change-control-<version>.vsix from the production (minified) esbuild bundle,
// with @vscode/vsce, without node_modules (everything is bundled) and without tests or sources
// (.vscodeignore). Afterwards the development bundle is rebuilt so out/ keeps its source maps.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${name}-${version}.vsix`);
const kb = (file) => `${(fs.statSync(file).size / 1024).toFixed(1)} KiB`;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

run(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production']);
const sizes = `out/extension.js ${kb(path.join(root, 'out/extension.js'))}, out/cli.js ${kb(path.join(root, 'out/cli.js'))}`;
try {
  run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--out', vsix]);
} finally {
  run(process.execPath, [path.join(root, 'scripts/build.mjs')]);   // back to the development bundle
}
console.log(`[package] ${path.basename(vsix)} ${kb(vsix)} (production bundles: ${sizes})`);
