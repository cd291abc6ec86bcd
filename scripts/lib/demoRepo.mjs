// The `npm start` demo repository: a few commits on main, a feature branch with a change in
// progress (one commit, plus an uncommitted source file that has no test yet), and the policy file.
import fs from 'node:fs';
import path from 'node:path';
import { createFixtureRepo, gitIn } from './fixtureRepo.mjs';

export const DEMO_SLUG = 'acme/clinic-app';
export const DEMO_BRANCH = 'feature/2-appointment-reminders';

const NOTICE = `# Change Control demo repository

This repository was created by \`npm start\` to try Change Control. It is a
throwaway copy in a temporary folder.

**GitHub here is a local stand-in**, not github.com: a fake GitHub server on
127.0.0.1 (test/github-fake in the Change Control repository) seeded with demo
tickets. Nothing you do here reaches GitHub.

- #2 "Send appointment reminders" is approved: this branch works on it.
- #3 "Export the schedule as CSV" is not approved yet: Start Change on it and
  the Change view shows the change as blocked.

Try: the Change view in the activity bar, Check Tests (src/reminders.ts has no
test yet; "Create Test File" makes one), a commit message such as
"Added reminders." in the Source Control box (squiggles and quick fixes),
Start Change, and Open Pull Request.
`;

export async function createDemoRepo(root, gitUrl) {
  const { work, remote, remoteUrl } = await createFixtureRepo(root, { slug: DEMO_SLUG, gitUrl });
  fs.writeFileSync(path.join(work, 'DEMO.md'), NOTICE);
  await gitIn(work, ['add', 'DEMO.md']);
  await gitIn(work, ['commit', '-q', '-m', 'Explain the demo repository\n\nSay plainly that GitHub is a local stand-in here.']);
  await gitIn(work, ['push', '-q', 'origin', 'main']);
  await gitIn(work, ['switch', '-q', '-c', DEMO_BRANCH]);
  fs.writeFileSync(path.join(work, 'src/appointments.ts'),
    'export function overlaps(a: [number, number], b: [number, number]): boolean {\n  return a[0] < b[1] && b[0] < a[1];\n}\n\n'
    + 'export function startsWithin(slot: [number, number], hours: number, now: number): boolean {\n'
    + '  return slot[0] > now && slot[0] - now <= hours * 3600_000;\n}\n');
  await gitIn(work, ['commit', '-q', '-am', 'Add a check for slots that start soon\n\nReminders go out a fixed number of hours before an appointment, so\nthe scheduler needs to know which slots start within that window.\n\nRefs: #2']);
  fs.writeFileSync(path.join(work, 'src/reminders.ts'),
    "import { startsWithin } from './appointments';\n\n"
    + 'export function due(slots: [number, number][], now: number): [number, number][] {\n'
    + '  return slots.filter((s) => startsWithin(s, 24, now));\n}\n');
  return { work, remote, remoteUrl };
}
