import { strict as assert } from 'node:assert';
import { checkBranchName, renderBranchName, sanitiseBranchName, slugify, SLUG_MAX_LENGTH } from '../../../src/core/branchName';
import { REF_FORMAT_CASES } from './branchNameCases';


describe('branchName', () => {
  describe('checkBranchName mirrors git check-ref-format --branch', () => {
    for (const [name, ok] of REF_FORMAT_CASES) {
      it(`${ok ? 'accepts' : 'rejects'} ${JSON.stringify(name)}`, () => {
        const problem = checkBranchName(name);
        if (ok) assert.equal(problem, undefined);
        else assert.equal(typeof problem, 'string');
      });
    }
  });

  describe('slugify', () => {
    const cases: [string, string][] = [
      ['Fix login timeout', 'fix-login-timeout'],
      ['Crème brûlée für Ärzte', 'creme-brulee-fur-arzte'],
      ['Straße Øresund Œuvre', 'strasse-oresund-oeuvre'],
      ['Add 😀 emoji support 🚀', 'add-emoji-support'],
      ['../../etc/passwd', 'etc-passwd'],
      ['refs@{upstream} and HEAD~1^2', 'refs-upstream-and-head-1-2'],
      ['config.lock', 'config-lock'],
      ['  spaces\tand\nnewlines  ', 'spaces-and-newlines'],
      ['a/b\\c:d?e*f[g', 'a-b-c-d-e-f-g'],
      ['ＦＵＬＬ width', 'full-width'],
      ['日本語', ''],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(slugify(input), expected);
      });
    }

    it(`keeps at most ${SLUG_MAX_LENGTH} characters and cuts at a word boundary`, () => {
      const slug = slugify('Make the audit export include every reviewer approval and the ticket links');
      assert.ok(slug.length <= SLUG_MAX_LENGTH, slug);
      assert.equal(slug, 'make-the-audit-export-include-every-reviewer');
    });

    it('cuts a single long word hard rather than leaving nothing', () => {
      assert.equal(slugify('x'.repeat(80)), 'x'.repeat(SLUG_MAX_LENGTH));
    });
  });

  describe('renderBranchName', () => {
    it('fills the default template', () => {
      assert.deepEqual(renderBranchName('{kind}/{ticket}-{slug}', { kind: 'feature', ticket: '#123', description: 'Fix login' }), {
        ok: true,
        name: 'feature/123-fix-login',
      });
      assert.deepEqual(renderBranchName('{kind}/{ticket}-{slug}', { kind: 'defect', ticket: 'ABC-9', description: 'Crash on save' }), {
        ok: true,
        name: 'defect/ABC-9-crash-on-save',
      });
    });

    it('drops the separator when the description has no usable characters', () => {
      assert.deepEqual(renderBranchName('{kind}/{ticket}-{slug}', { kind: 'feature', ticket: '#7', description: '🚀🚀' }), {
        ok: true,
        name: 'feature/7',
      });
    });

    it('sanitises a template that would make an invalid name', () => {
      const result = renderBranchName('users/{kind}..{ticket}/ {slug}.lock', { kind: 'feature', ticket: 'owner/r#1', description: 'x' });
      assert.deepEqual(result, { ok: true, name: 'users/feature.r-1/x' });
    });

    it('rejects unknown placeholders with the allowed ones named', () => {
      const result = renderBranchName('{type}/{ticket}', { kind: 'feature', ticket: '#1', description: 'x' });
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.message, /\{type\}.*\{kind\}, \{ticket\} and \{slug\}/);
      const inherited = renderBranchName('{kind}/{toString}-{slug}', { kind: 'feature', ticket: '#1', description: 'x' });
      assert.equal(inherited.ok, false, 'a name an object inherits is no placeholder either');
    });

    it('every rendered name passes checkBranchName, whatever the description', () => {
      const nasty = ['..', '@{', '.lock', ' ', '/', '-', '~^:', '😀', 'HEAD', '@', '\u0000\u007f', 'é'.normalize('NFD')];
      for (const a of nasty) {
        for (const b of nasty) {
          const result = renderBranchName('{kind}/{ticket}-{slug}', { kind: 'feature', ticket: '#1', description: `${a}x${b}` });
          assert.ok(result.ok && checkBranchName(result.name) === undefined, JSON.stringify([a, b, result]));
        }
      }
    });
  });

  describe('sanitiseBranchName', () => {
    const cases: [string, string][] = [
      ['/feature//x/', 'feature/x'],
      ['.hidden/a.lock.lock', 'hidden/a'],
      ['a@{b', 'a-b'],
      ['-lead', 'lead'],
      ['HEAD', ''],
      ['@', ''],
      ['end.', 'end'],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(sanitiseBranchName(input), expected));
    }
  });
});
