import assert from 'node:assert/strict';
import { autosquashPrefix, isGitGeneratedMessage, unsquashedFixup } from '../../../../src/core/commitMessage/gitMessages';
import { lintMessage } from '../../../../src/core/commitMessage/lint';
import { parseMessage } from '../../../../src/core/commitMessage/parse';
import { context } from './helpers';

const generated = (text: string, merge?: boolean) => isGitGeneratedMessage(parseMessage(text), merge === undefined ? {} : { merge });

describe("git's own messages", () => {
  const gitWrites = [
    "Merge branch 'side'",
    "Merge branch 'feature/x' into main",
    "Merge branch 'main' of https://github.com/acme/app",
    "Merge branch 'main' of github.com:acme/app into feature/4-x",
    "Merge remote-tracking branch 'origin/main' into feature",
    "Merge tag 'v1.2.3'",
    "Merge tags 'v1' and 'v2'",
    "Merge branches 'a' and 'b'",
    "Merge branches 'a', 'b' and 'c' into main",
    "Merge branch 'a', remote-tracking branch 'origin/b'",
    "Merge branch 'a'; branch 'b' of ../other",
    "Merge commit '0123abc'",
    "Merge commit '0123abc' into HEAD",
    "Merge branch 'feature' into 'main'",
    'Merge https://github.com/acme/app',
    'Merge pull request #1234 from some-user/a-very-long-branch-name-for-a-feature-x',
  ];
  for (const subject of gitWrites) it(`exempts ${subject}`, () => assert.ok(generated(`${subject}\n`)));

  const userWrites = [
    "Merge branch 'x': Added a backdoor",
    "Merge branch 'x' and Added a backdoor",
    "Merge branch 'x' into main Added a backdoor",
    'Merge pull request #12 from a/b and Added a backdoor',
    'Merge the parsers',
    "Merge 'x'",
    'Revert "x" Added a backdoor',
    'Revert the parser',
  ];
  for (const subject of userWrites) it(`lints ${subject}`, () => assert.ok(!generated(`${subject}\n\nThis reverts commit 0123456789abcdef.\n`)));

  it('exempts a revert only with the body line git writes, nested reverts and Reapply too', () => {
    const body = '\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n';
    assert.ok(generated(`Revert "Added x"${body}`));
    assert.ok(generated(`Revert "Revert "Added x""${body}`));
    assert.ok(generated(`Reapply "Added x"${body}`));
    assert.ok(generated(`Revert "Added x"\n\nThis reverts commit 0123abc, reversing\nchanges made to 4567def.\n`));
    assert.ok(!generated('Revert "Added x"\n'), 'no "This reverts commit": written by hand');
    assert.ok(!generated('Revert "Added x"\n\nThis reverts the backdoor.\n'));
  });

  it('does not exempt a Merge subject on a commit known to have one parent', () => {
    assert.ok(generated("Merge branch 'side'\n", true));
    assert.ok(!generated("Merge branch 'side'\n", false));
  });

  it('lints Merge and Revert look-alikes with every rule, requireTicket included', () => {
    const ctx = context({ requireTicket: true });
    for (const text of ["Merge branch 'x': Added a backdoor\n", 'Revert "x" Added a backdoor\n']) {
      const ids = lintMessage(text, ctx).map((f) => f.ruleId);
      assert.ok(ids.includes('ticket-reference'), `${text}: ${ids.join(',')}`);
    }
    assert.deepEqual(lintMessage("Merge branch 'x'\n", ctx), []);
  });
});

describe('fixup!, squash! and amend! commits', () => {
  it('finds the prefix, stacked ones too', () => {
    assert.deepEqual(autosquashPrefix('fixup! Add x'), { kind: 'fixup', length: 7 });
    assert.deepEqual(autosquashPrefix('squash! fixup! Add x'), { kind: 'squash', length: 15 });
    assert.equal(autosquashPrefix('fixup!Add x'), undefined);
    assert.equal(autosquashPrefix('Add fixup! x'), undefined);
  });

  it('lints the subject after the prefix, with findings placed on the original line', () => {
    const findings = lintMessage('fixup! Added a backdoor\n', context());
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.character, f.range.end.character]), [['present-tense', 7, 12]]);
    assert.equal(findings[0]!.fixes[0]!.edits[0]!.range.start.character, 7);
    assert.deepEqual(lintMessage('fixup! Add the parser\n', context()), []);
  });

  it('applies requireTicket and the length limit to the subject after the prefix', () => {
    assert.deepEqual(lintMessage('squash! Add x\n', context({ requireTicket: true })).map((f) => f.ruleId), ['ticket-reference']);
    const subject = `Add ${'x'.repeat(68)}`;
    assert.deepEqual(lintMessage(`fixup! ${subject}\n`, context()), [], 'the prefix does not count');
    assert.deepEqual(lintMessage(`fixup! ${subject}x\n`, context()).map((f) => [f.ruleId, f.range.start.character]), [['subject-max-length', 79]]);
  });

  it("lints an amend! commit's body: the message that replaces the target's", () => {
    const findings = lintMessage('amend! Add x\n\nAdded the new wording\n\nBody.\n', context());
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['present-tense', 2]]);
    assert.deepEqual(lintMessage('amend! Add x\n\nAdd the new wording\n', context()), []);
  });

  it('reports an unsquashed commit (for lint --range)', () => {
    const f = unsquashedFixup(parseMessage('fixup! Add x\n'));
    assert.equal(f?.ruleId, 'unsquashed-fixup');
    assert.deepEqual(f?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    assert.equal(unsquashedFixup(parseMessage('Add x\n')), undefined);
  });
});

describe("git's message shapes stay linear", () => {
  it('judges 1 MB look-alike subjects quickly', () => {
    const cases = [
      `Merge branch ${"'a', ".repeat(150_000)}x`,
      `Merge branch 'a'${' of x'.repeat(150_000)};`,
      `Merge HEAD${', HEAD'.repeat(150_000)} y`,
      `Revert "${'"'.repeat(1_000_000)} x`,
      `${'fixup! '.repeat(150_000)}Add x`,
    ];
    for (const subject of cases) {
      const started = performance.now();
      lintMessage(`${subject}\n`, context());
      assert.ok(performance.now() - started < 2_000, `${subject.slice(0, 30)}… took ${Math.round(performance.now() - started)} ms`);
    }
  });
});
