// Starts the fake GitHub (test/github-fake: a stateful server on 127.0.0.1 whose requests and
// responses are validated against GitHub's OpenAPI description) in this process, seeded from a
// scenario file in test/scenarios/, for the e2e run and the `npm start` demo. Needs the tsx loader
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
  // A method that returns nothing (setBranchRules) answers null.
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Map ? [...v.values()] : v)));
}

/** The scenarios in test/scenarios/ this script starts from (the e2e suites' and the demo's). */
export const SCENARIOS = { e2e: 'clinic-app.json', demo: 'demo.json' };

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

/** Starts the fake from test/scenarios/<scenario>; the scenario declares the `slug` repository. */
export async function startFakeGitHub({ slug, scenario = SCENARIOS.e2e }) {
  const entry = path.join(root, 'test/github-fake/index.ts');
  if (!fs.existsSync(entry)) {
    console.log('[e2e] test/github-fake is missing: the GitHub features have no server (their suites will fail)');
    return { url: 'http://127.0.0.1:9', controlUrl: '', fake: undefined, description: 'nothing (test/github-fake is missing)', close: async () => {} };
  }
  const { FakeGitHub } = await import(pathToFileURL(entry).href);
  const scenarioFile = path.join(root, 'test/scenarios', scenario);
  const fake = await new FakeGitHub().start({ scenarioFile });
  if (!fake.state.repos.has(slug.toLowerCase())) throw new Error(`${scenarioFile} does not declare ${slug}`);
  const control = await controlServer(fake, slug);
  const { description } = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
  return {
    url: fake.url, controlUrl: `http://127.0.0.1:${control.address().port}`, fake, description: `${description} (test/scenarios/${scenario})`,
    close: async () => { control.close(); await fake.stop(); },
  };
}
