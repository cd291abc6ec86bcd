/**
 * The stand-in GitHub on its own: `npm run stand-in -- --scenario FILE
 * [--port N] [--var name=value]`. Starts the fake (REST and GraphQL,
 * contract-checked) on 127.0.0.1 from a scenario file, prints its URL and
 * how to point the CLI at it, and on Ctrl-C prints the contract violations
 * it saw (exit 1 when there were any). Without --scenario it serves
 * test/scenarios/ready.json.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { FakeGitHub } from './server';

const USAGE = 'usage: npm run stand-in -- --scenario FILE [--port N] [--var name=value ...]';

async function main(): Promise<void> {
  let values: { scenario?: string; port?: string; var?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { scenario: { type: 'string' }, port: { type: 'string' }, var: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535\n${USAGE}\n`);
    process.exit(2);
  }
  const vars: Record<string, string> = {};
  for (const v of values.var ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) {
      process.stderr.write(`--var takes name=value, not "${v}"\n`);
      process.exit(2);
    }
    vars[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const file = path.resolve(values.scenario ?? path.join(__dirname, '../scenarios/ready.json'));
  let fake: FakeGitHub;
  try {
    fake = await new FakeGitHub({ port }).start({ scenarioFile: file, vars });
  } catch (err) {
    process.stderr.write(`stand-in: ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const s = fake.state;
  const repos = [...s.repos.values()].map((r) => `${r.owner}/${r.name}`);
  const token = [...s.tokens.keys()][0] ?? 'stand-in-token';
  process.stdout.write([
    `GitHub stand-in: ${fake.url}  (REST, GraphQL at ${fake.url}/graphql; Enterprise layout under /api/v3 and /api/graphql)`,
    `scenario: ${path.relative(process.cwd(), file)}${s.tokens.size === 0 ? `, any token signs in as ${s.viewer}` : ''}`,
    `repositories: ${repos.join(', ')} (a clone whose origin is https://github.com/${repos[0] ?? 'OWNER/NAME'}.git talks to the stand-in)`,
    '',
    'Point the CLI at it:',
    `  export CHANGE_CONTROL_GITHUB_API_URL=${fake.url}`,
    `  export GITHUB_TOKEN=${token}`,
    '  node out/cli.js status',
    '',
    'Ctrl-C stops it.',
    '',
  ].join('\n'));
  const stop = async () => {
    await fake.stop();
    process.stdout.write(`requests: ${fake.counters.total}, contract violations: ${fake.violations.length}\n${fake.violations.map((v) => `  ${v}\n`).join('')}`);
    process.exit(fake.violations.length === 0 ? 0 : 1);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
