/**
 * A team's own repository with the change-control npm package installed
 * from the tarball `scripts/pack-cli.mjs` makes, as `npm i -D
 * change-control` would install it. npm runs offline with its cache in
 * the test's folder: the package has no dependencies to fetch.
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeRepo, testEnv } from '../cli/cliHarness';

export const ROOT = path.resolve(__dirname, '../../..');

export function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = testEnv, input?: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000, ...(input !== undefined ? { input } : {}) });
}

/** npm and git settings that keep the user's own caches and config out. */
export function npmEnv(work: string): NodeJS.ProcessEnv {
  return { ...testEnv, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

export interface PackedCli {
  /** The .tgz file. */
  tarball: string;
  /** The laid-out package folder (its cli.js is what a release tag carries in dist/). */
  stage: string;
}

/** `npm run pack:cli -- --out DIR`. */
export function packCli(work: string): PackedCli {
  const out = path.join(work, 'dist');
  const packed = sh(process.execPath, [path.join(ROOT, 'scripts/pack-cli.mjs'), '--out', out], ROOT, npmEnv(work));
  assert.equal(packed.status, 0, packed.stderr);
  const tarball = packed.stdout.trim().split('\n').pop() ?? '';
  assert.ok(existsSync(tarball), `tarball ${tarball} exists`);
  return { tarball, stage: path.join(out, 'npm') };
}

/** A git repository with a package.json and `npm i -D <tarball>` done. */
export function makeTeamProject(work: string, name: string, tarball: string): string {
  const project = path.join(work, name);
  mkdirSync(project);
  makeRepo(project);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name, private: true }, null, 2)}\n`);
  writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
  const installed = sh('npm', ['install', '--offline', '--save-dev', tarball], project, npmEnv(work));
  assert.equal(installed.status, 0, installed.stderr);
  return project;
}
