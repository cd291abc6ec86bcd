// Creates a real git repository with a bare remote in a temp folder: the workspace the e2e suites
// and the `npm start` demo open. Git runs only with argument arrays.
// Async on purpose: the git HTTP server answering the pushes runs in this same process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function gitIn(cwd, args, env = {}) {
  const { stdout } = await run('git', args, { cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Developer', GIT_AUTHOR_EMAIL: 'dana@example.com',
      GIT_COMMITTER_NAME: 'Dana Developer', GIT_COMMITTER_EMAIL: 'dana@example.com', GIT_TERMINAL_PROMPT: '0', ...env } });
  return stdout.trim();
}

function write(root, rel, text) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** The JSON Schema bundled with the extension: a URL the editor resolves offline (the demo has no network). */
export const BUNDLED_SCHEMA_URL = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas/change-control.schema.json')).href;

export const POLICY = {
  $schema: BUNDLED_SCHEMA_URL,
  commit: { subjectMaxLength: 72, bodyMaxLineLength: 72, presentTense: true },
  branch: { base: 'main', template: '{kind}/{ticket}-{slug}' },
  tracker: { approvalLabel: 'Approved', requireApproval: true },
  review: { requiredApprovals: 1 },
};

/**
 * root/git/<owner>/<name>.git (bare) and root/<name> (clone, on main, pushed). `slug`
 * (owner/name) is the GitHub repository the remote stands for; with `gitUrl` (a
 * scripts/lib/gitHttpServer.mjs serving root/git) origin says https://github.com/<slug>.git
 * and git's insteadOf rewrites it to <gitUrl>/<slug>.git (remoteUrl), so git talks to the
 * local server while the repository is on github.com. Returns { work, remote, remoteUrl }.
 */
export async function createFixtureRepo(root, { name = 'clinic-app', slug = 'acme/clinic-app', policy = POLICY, gitUrl } = {}) {
  const remote = path.join(root, 'git', ...slug.split('/')) + '.git';
  const remoteUrl = gitUrl ? `${gitUrl}/${slug}.git` : remote;
  const work = path.join(root, name);
  fs.mkdirSync(path.dirname(remote), { recursive: true });
  await gitIn(root, ['init', '-q', '--bare', '-b', 'main', remote]);
  await gitIn(remote, ['config', 'http.receivepack', 'true']);
  await gitIn(root, ['init', '-q', '-b', 'main', work]);
  await gitIn(work, ['config', 'user.name', 'Dana Developer']);
  await gitIn(work, ['config', 'user.email', 'dana@example.com']);
  await gitIn(work, ['config', 'commit.gpgsign', 'false']);
  // The remote says github.com, as a real clone's does; insteadOf sends git to the local server.
  // Change Control reads the configured URL, so the token's host comes from the user's API URL.
  await gitIn(work, ['remote', 'add', 'origin', gitUrl ? `https://github.com/${slug}.git` : remoteUrl]);
  if (gitUrl) await gitIn(work, ['config', `url.${remoteUrl}.insteadOf`, `https://github.com/${slug}.git`]);
  write(work, 'README.md', `# Clinic app\n\nA small patient-scheduling service (${slug}).\n`);
  write(work, 'package.json', `${JSON.stringify({ name, private: true, scripts: { test: 'mocha' } }, null, 2)}\n`);
  write(work, '.github/change-control.json', `${JSON.stringify(policy, null, 2)}\n`);
  write(work, 'src/appointments.ts', 'export function overlaps(a: [number, number], b: [number, number]): boolean {\n  return a[0] < b[1] && b[0] < a[1];\n}\n');
  write(work, 'test/appointments.test.ts', "import { overlaps } from '../src/appointments';\n\nit('detects overlaps', () => {\n  if (!overlaps([1, 3], [2, 4])) throw new Error('expected overlap');\n});\n");
  await gitIn(work, ['add', '-A']);
  await gitIn(work, ['commit', '-q', '-m', 'Add the appointment overlap check\n\nScheduling must refuse double bookings, so the service needs one\nplace that decides whether two time slots overlap.']);
  write(work, 'src/patients.ts', 'export interface Patient {\n  id: string;\n  name: string;\n}\n');
  write(work, 'test/patients.test.ts', "import type { Patient } from '../src/patients';\n\nit('types a patient', () => {\n  const p: Patient = { id: '1', name: 'A' };\n  if (!p.id) throw new Error('id');\n});\n");
  await gitIn(work, ['add', '-A']);
  await gitIn(work, ['commit', '-q', '-m', 'Add the patient record type\n\nRefs: #1']);
  await gitIn(work, ['push', '-q', '-u', 'origin', 'main']);
  return { work, remote, remoteUrl };
}
