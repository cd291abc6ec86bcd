import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { checkBranchName, renderBranchName } from '../../../src/core/branchName';
import { REF_FORMAT_CASES } from '../../unit/core/branchNameCases';
import { tempDir } from './repos';

/** git's own verdict, outside any repository (so `@{-N}` is not expanded). */
function gitAccepts(cwd: string, name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { cwd, stdio: 'ignore', env: { ...process.env, GIT_CEILING_DIRECTORIES: cwd, GIT_DIR: `${cwd}/no-such-repo` } });
    return true;
  } catch {
    return false;
  }
}

describe('checkBranchName against git check-ref-format --branch', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees with git on every table case and on tricky extras', () => {
    const extras = ['a/b.c/d', 'feature/123-x', 'a.lock.b', 'a@', '@a', 'a{', 'x..', '...', 'a/./b', 'a/../b', 'ü/ß', 'tab\there', 'a b/c', 'a/b.', 'lock/.lock'];
    const names = [...REF_FORMAT_CASES.map(([n]) => n).filter((n) => !n.includes('\0') && n !== ''), ...extras];
    const disagreements = names.filter((name) => gitAccepts(dir, name) !== (checkBranchName(name) === undefined));
    assert.deepEqual(disagreements, []);
  });

  it('git accepts every name Start Change renders from hostile descriptions', () => {
    const descriptions = ['..', '@{u}', 'x.lock', '  ', '/', '-', '~^:?*[\\', '😀', 'HEAD', '@', 'Crème brûlée', 'a/../b', '.hidden', 'ends with dot.'];
    for (const description of descriptions) {
      for (const ticket of ['#1', 'owner/repo#2', 'ABC-3']) {
        const result = renderBranchName('{kind}/{ticket}-{slug}', { kind: 'feature', ticket, description });
        assert.ok(result.ok, JSON.stringify(result));
        if (result.ok) assert.ok(gitAccepts(dir, result.name), `git rejects ${result.name}`);
      }
    }
  });
});
