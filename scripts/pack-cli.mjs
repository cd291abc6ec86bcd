#!/usr/bin/env node
// `npm run pack:cli [-- --out DIR]`: the `change-control` npm package as a tarball.
// Lays out DIR/npm/ (default out/npm/) with packages/cli/package.json (the root
// version stamped in), the production CLI and hook bundles, the JSON schemas, README,
// LICENSE and CHANGELOG, then `npm pack`s it into DIR. Nothing else goes in:
// the bundle holds every library, so the package has no dependencies.
// Prints the tarball's path on the last line of stdout.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { HOOK_FILES, cliBuild, hookBuild, version } from './lib/bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, 'out'));
const stage = path.join(outDir, 'npm');

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, 'schemas'), { recursive: true });
await esbuild.build({ ...cliBuild(true, stage), absWorkingDir: root, logLevel: 'error' });
await esbuild.build({ ...hookBuild(true, stage), absWorkingDir: root, logLevel: 'error' });
fs.chmodSync(path.join(stage, 'cli.js'), 0o755);

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'packages/cli/package.json'), 'utf8'));
manifest.version = version;
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const bundles = ['cli.js', ...HOOK_FILES];
for (const file of manifest.files.filter((f) => !bundles.includes(f))) {
  fs.copyFileSync(path.join(root, file), path.join(stage, file));
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
  cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
}));
const tarball = path.join(outDir, packed[0].filename);
console.log(`[pack:cli] ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(1)} KiB packed`);
console.log(tarball);
