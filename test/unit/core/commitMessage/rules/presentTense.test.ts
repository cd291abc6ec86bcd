import assert from 'node:assert/strict';
import { applyFirstFix, context, lintRule } from '../helpers';

/** Subjects that start in the imperative or with no verb at all: never flagged. */
const accepted = [
  'Update the README',
  'Set the default timeout',
  'Test with Go 1.24',
  'Bump lodash from 4.17.20 to 4.17.21',
  'Refactor the parser',
  'Embed the fonts',
  'Speed up parsing',
  'Need a lock here',
  'Cache the compiled templates',
  "Don't use the global agent",
  'Put the check back',
  'Read the config from the environment',
  'Cut a release',
  'Localize the settings page',
  'Throw on invalid input',
  'Fixes for Mac OS X',
  'Changes to Javadoc',
  'updates to travis ci',
  'Better handling of timeouts',
  'Missing semicolon in the parser',
  'fix(compiler-sfc): add the scoped slot check',
  'feat(api)!: drop Node 18',
  'ABC-123: Add the approval check',
  '[ABC-123] Add the approval check',
  'Issue 901: Add a retry',
  '[Fix #5527] Add a retry',
  '[PATCH] Add a retry',
  'fix #680 - add a retry',
  'refs: add a reflog check',
  'l10n: tr: update translations',
  'Typo in the README',
  'v2.12.5',
  '2.6.2 release',
  'DisableFlagParsing must disable flag parsing',
  'should not warn on unkeyed children',
  'Can now set headers',
  'refactor: includes instead of indexOf',
  'Built in modifiers support',
  'Initial commit',
  'WIP',
  'Spelling mistake',
  'Spelling mistakes in the guide',
  'Naming, linting',
  'Failing spec for the uploader',
  'Updates after review',
];

/** Subjects whose description starts in the past, third person or with a gerund, and their fix. */
const flagged: [string, string][] = [
  ['Fixed the crash', 'Fix the crash'],
  ['Fixes typo', 'Fix typo'],
  ['Fixing the crash', 'Fix the crash'],
  ['Rewrote the parser', 'Rewrite the parser'],
  ['Added tests', 'Add tests'],
  ['Adds tests', 'Add tests'],
  ['Adding tests', 'Add tests'],
  ['Made it faster', 'Make it faster'],
  ['Wrote the docs', 'Write the docs'],
  ['Forgot a file', 'Forget a file'],
  ['fix(core): added a check', 'fix(core): add a check'],
  ['ABC-123: Updated the docs', 'ABC-123: Update the docs'],
  ['[ABC-123] Removes the flag', '[ABC-123] Remove the flag'],
  ['refs: fixed the reflog', 'refs: fix the reflog'],
  ['Fixes #776: Add settings', 'Fix #776: Add settings'],
  ['Refactored the parser', 'Refactor the parser'],
  ['Hoping this works', 'Hope this works'],
  ['Shipped it', 'Ship it'],
  ['Tried again', 'Try again'],
  ['Re-added the test', 'Re-add the test'],
  ['added a test', 'add a test'],
  ['Also fixed the build', 'Also fix the build'],
  ["Didn't mean to", "Don't mean to"],
  ["makin' history", 'make history'],
  ['Looks for the config first', 'Look for the config first'],
];

describe('rule present-tense', () => {
  for (const subject of accepted) {
    it(`accepts ${JSON.stringify(subject)}`, () => assert.deepEqual(lintRule('present-tense', `${subject}\n`), []));
  }

  for (const [subject, fixed] of flagged) {
    it(`flags ${JSON.stringify(subject)} and fixes it to ${JSON.stringify(fixed)}`, () => {
      assert.equal(lintRule('present-tense', subject).length, 1);
      assert.equal(applyFirstFix('present-tense', `${subject}\n\nBody.\n`), `${fixed}\n\nBody.\n`);
    });
  }

  it('flags a gerund used as a noun ("Rewording of …") without offering a non-word fix', () => {
    const findings = lintRule('present-tense', 'Rewording of the exception message\n');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.fixes, []);
  });

  it('flags "Was" without offering a fix', () => {
    const [f] = lintRule('present-tense', 'Was broken on Windows');
    assert.equal(f!.fixes.length, 0);
    assert.match(f!.message, /"Was" is past tense/);
  });

  it('puts the range on the verb, after the prefix', () => {
    const [f] = lintRule('present-tense', '# comment\nfix(core): added a check');
    assert.deepEqual(f!.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 16 } });
  });

  it('is off when the policy turns it off', () => {
    assert.deepEqual(lintRule('present-tense', 'Added tests', context({ presentTense: false })), []);
  });

  it("lets git's own messages pass, and checks the subject after fixup! and squash!", () => {
    for (const s of ['Merge branch \'fixed\' into main', 'Revert "Added tests"\n\nThis reverts commit 0123abc.']) {
      assert.deepEqual(lintRule('present-tense', s), [], s);
    }
    for (const s of ['fixup! Added tests', 'squash! Added tests', 'amend! Added tests']) {
      assert.deepEqual(lintRule('present-tense', s).map((f) => f.range.start.character), [s.indexOf('Added')], s);
    }
  });
});
