#!/usr/bin/env node
// Extracts the GitHub REST operations the fake GitHub serves from GitHub's
// official OpenAPI description (@octokit/openapi), with every component
// they reference (schemas, parameters, responses, headers, examples), into
// test/github-fake/openapi/api.github.com.subset.json. The subset is
// committed so tests and CI never install the 385 MB package.
//
// How to run (the package is installed OUTSIDE the project on purpose):
//   npm install --prefix /tmp/openapi @octokit/openapi@23.0.1
//   node scripts/extract-openapi.mjs /tmp/openapi/node_modules/@octokit/openapi
//
// To serve a new operation: add it to OPERATIONS below, re-run, commit the
// JSON, then add a handler in test/github-fake/routes.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned: must match the package the subset was extracted from. */
const OPENAPI_VERSION = '23.0.1';

/** [method, path] of every operation the fake implements. */
export const OPERATIONS = [
  ['get', '/user'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/labels'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/events'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['get', '/search/issues'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/commits'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/status'],
  ['post', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  // The stand-in's sign-off infrastructure (issue 13): GitHub's own rules and team membership.
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}'],
  // extends: owner/repo/path@ref (an organisation policy read through the contents API)
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  // Create Pull Request's reviewer picker, and Merge (issue 14): merge, delete the head, close the ticket.
  ['get', '/repos/{owner}/{repo}/collaborators'],
  ['get', '/repos/{owner}/{repo}/teams'],
  ['put', '/repos/{owner}/{repo}/pulls/{pull_number}/merge'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  // Releases (issue 15): release plan updates the release ticket; release tag makes the release and its assets.
  ['get', '/repos/{owner}/{repo}/releases/tags/{tag}'],
  ['post', '/repos/{owner}/{repo}/releases'],
  ['get', '/repos/{owner}/{repo}/releases/{release_id}/assets'],
  ['post', '/repos/{owner}/{repo}/releases/{release_id}/assets'],
];

/** Components the fake uses directly (error bodies for injected faults). */
const EXTRA_SCHEMAS = ['basic-error', 'validation-error', 'validation-error-simple'];

function main() {
  const pkgDir = process.argv[2];
  if (!pkgDir) {
    console.error('usage: node scripts/extract-openapi.mjs <path to node_modules/@octokit/openapi>');
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.version !== OPENAPI_VERSION) {
    console.error(`expected @octokit/openapi@${OPENAPI_VERSION}, found ${pkg.version}`);
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(join(pkgDir, 'generated', 'api.github.com.json'), 'utf8'));
  const paths = {};
  for (const [method, path] of OPERATIONS) {
    const op = spec.paths[path]?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the spec`);
    paths[path] ??= {};
    paths[path][method] = op;
  }
  const components = {};
  const seen = new Set();
  const queue = [paths, ...EXTRA_SCHEMAS.map((name) => ({ $ref: `#/components/schemas/${name}` }))];
  while (queue.length > 0) {
    collectRefs(queue.shift(), (ref) => {
      if (seen.has(ref)) return;
      seen.add(ref);
      const [, , kind, name] = ref.split('/');
      const target = spec.components[kind][name];
      if (!target) throw new Error(`dangling ${ref}`);
      (components[kind] ??= {})[name] = target;
      queue.push(target);
    });
  }
  for (const kind of Object.keys(components)) components[kind] = sortKeys(components[kind]);
  const subset = {
    openapi: spec.openapi,
    info: { ...spec.info, 'x-extracted-from': `@octokit/openapi@${OPENAPI_VERSION} generated/api.github.com.json`, 'x-extracted-by': 'scripts/extract-openapi.mjs' },
    paths: stripDescriptions(paths),
    components: { ...stripDescriptions({ ...components, examples: undefined }), examples: components.examples },
  };
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'github-fake', 'openapi', 'api.github.com.subset.json');
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`wrote ${out}: ${OPERATIONS.length} operations, ${seen.size} components`);
}

function collectRefs(node, visit) {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, visit));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') visit(value);
      else collectRefs(value, visit);
    }
  }
}

/** Drops prose (`description`) to keep the subset small; a property named "description" stays. */
function stripDescriptions(node, parentKey = '') {
  if (Array.isArray(node)) return node.map((n) => stripDescriptions(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string' && parentKey !== 'properties') continue;
    // Example payloads are data, not prose: keep them verbatim.
    out[key] = key === 'example' || key === 'examples' ? value : stripDescriptions(value, key);
  }
  return out;
}

function sortKeys(obj) {
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}

main();
