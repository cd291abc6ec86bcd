// Starts the fake GitHub (test/github-fake: a stateful server on 127.0.0.1 whose requests and
// responses are validated against GitHub's OpenAPI description) in this process, seeded with
// change tickets, for the e2e run and the `npm start` demo. Needs the tsx loader
// (`node --import tsx ...`) because the fake is TypeScript.
//
// The suites run in the extension host, another process, so a small control server on
// 127.0.0.1 lets them seed and inspect the fake's state:
//   POST /call      {"op": "<FakeState method>", "args": [...]}  -> the method's result
//   GET  /repo      -> {issues, pulls} of the seeded repository
//   GET  /violations -> contract violations seen so far
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** JSON-safe copy (Maps become arrays of values). */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Map ? [...v.values()] : v)));
}

/** The demo and test tickets: #1 done, #2 approved, #3 not approved yet. */
export const TICKETS = [
  { title: 'Add the patient record type', body: 'Scheduling needs a typed patient record.', labels: ['Approved'], state: 'closed' },
  { title: 'Send appointment reminders', body: 'Patients get a reminder 24 hours before their appointment so they can cancel early and free the slot.', labels: ['Approved', 'feature'] },
  { title: 'Export the schedule as CSV', body: 'Front-desk staff want the day schedule in a spreadsheet.', labels: ['feature'] },
];

function seed(state, slug) {
  state.addRepo(slug);
  state.addLabel(slug, 'Approved', { color: '0e8a16', description: 'Change approved by the change advisory board' });
  state.addLabel(slug, 'feature', { color: 'a2eeef' });
  state.addLabel(slug, 'defect', { color: 'd73a4a' });
  for (const t of TICKETS) state.addIssue(slug, { ...t, user: 'casey-cab' });
}

function controlServer(fake, slug) {
  const srv = http.createServer(async (req, res) => {
    const reply = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? null));
    try {
      if (req.method === 'GET' && req.url === '/repo') return reply(200, plain({ issues: fake.state.repo(slug).issues, pulls: fake.state.repo(slug).pulls }));
      if (req.method === 'GET' && req.url === '/violations') return reply(200, fake.violations);
      if (req.method === 'POST' && req.url === '/call') {
        let raw = '';
        for await (const chunk of req) raw += chunk;
        const { op, args = [] } = JSON.parse(raw);
        if (typeof fake.state[op] !== 'function') return reply(400, { error: `no FakeState method ${op}` });
        return reply(200, plain(fake.state[op](...args)));
      }
      return reply(404, { error: 'not found' });
    } catch (e) {
      return reply(500, { error: String(e?.message ?? e) });
    }
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

export async function startFakeGitHub({ slug }) {
  const entry = path.join(root, 'test/github-fake/index.ts');
  if (!fs.existsSync(entry)) {
    console.log('[e2e] test/github-fake is missing: the GitHub features have no server (their suites will fail)');
    return { url: 'http://127.0.0.1:9', controlUrl: '', fake: undefined, close: async () => {} };
  }
  const { FakeGitHub } = await import(pathToFileURL(path.join(root, 'test/github-fake/index.ts')).href);
  const fake = await new FakeGitHub().start();
  seed(fake.state, slug);
  const control = await controlServer(fake, slug);
  return {
    url: fake.url, controlUrl: `http://127.0.0.1:${control.address().port}`, fake,
    close: async () => { control.close(); await fake.stop(); },
  };
}

/** Extra demo state for `npm start`: a reviewed pull request. Returns a one-line summary. */
export async function seedDemo(github, slug) {
  if (!github.fake) return 'nothing (test/github-fake is missing)';
  const state = github.fake.state;
  const pr = state.addPull(slug, { head: 'feature/1-patient-record', title: 'Add the patient record type',
    body: 'Adds the typed patient record.\n\nCloses #1', user: 'dana-dev' });
  state.addReview(slug, pr.number, { user: 'riley-reviewer', state: 'APPROVED', body: 'Looks good.' });
  state.mergePull(slug, pr.number, 'riley-reviewer');
  return `${TICKETS.length} tickets in ${slug} (#2 approved, #3 not approved), merged PR #${pr.number} with an approving review`;
}
