/**
 * Runs the fake GitHub as a standalone local stand-in (for demos and manual
 * checks): `npx tsx test/github-fake/main.ts [--port 0] [--repo owner/name]`.
 * Prints the API URL, seeds one repository with an approved ticket, and
 * prints contract violations when stopped (Ctrl-C).
 */
import { FakeGitHub } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
  };
  const repo = option('repo', 'acme/api');
  const fake = await new FakeGitHub({ port: Number(option('port', '0')) }).start();
  fake.state.addRepo(repo);
  fake.state.addLabel(repo, 'Approved', { color: '0e8a16', description: 'Change approved for work' });
  fake.state.addIssue(repo, { title: 'Add audit logging to sign-in', labels: ['Approved'], assignees: [fake.state.viewer] });
  fake.state.addIssue(repo, { title: 'Fix session timeout', assignees: [] });
  process.stdout.write(`fake GitHub: ${fake.url} (also ${fake.url}/api/v3), repository ${repo}\n`);
  const stop = async () => {
    await fake.stop();
    process.stdout.write(`requests: ${fake.counters.total}, contract violations: ${fake.violations.length}\n${fake.violations.join('\n')}\n`);
    process.exit(fake.violations.length === 0 ? 0 : 1);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
