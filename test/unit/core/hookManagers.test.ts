import { strict as assert } from 'node:assert';
import { describeManagedHooks, detectHookManager } from '../../../src/core/hookManagers';

describe('detectHookManager', () => {
  const probe = (files: string[], hooksPath?: string) => detectHookManager({ present: new Set(files), ...(hooksPath !== undefined ? { hooksPath } : {}) });

  it('finds no manager in a plain repository', () => {
    assert.equal(probe([]), undefined);
    assert.equal(probe([], '/srv/hooks'), undefined, 'a hooksPath of one\'s own is no manager');
  });

  it('takes husky from its hooksPath, with or without the _ folder and a trailing slash', () => {
    for (const hooksPath of ['.husky/_', '.husky', '.husky/_/', 'app/.husky/_', '.husky\\_']) {
      assert.equal(probe([], hooksPath)?.id, 'husky', hooksPath);
    }
    assert.equal(probe([], '.huskyish')?.id, undefined);
  });

  it('names each manager by its configuration file and the file to edit', () => {
    assert.deepEqual([probe(['.husky'])?.configFile, probe(['.lefthook.yml'])?.configFile, probe(['.pre-commit-config.yaml'])?.configFile],
      ['.husky/commit-msg', '.lefthook.yml', '.pre-commit-config.yaml']);
    assert.equal(probe(['lefthook.toml'])?.id, 'lefthook');
  });

  it('prefers the manager git runs today (hooksPath) over leftover files', () => {
    assert.equal(probe(['.pre-commit-config.yaml'], '.husky/_')?.id, 'husky');
  });

  it('says who manages the hooks, what to add where, and how to activate it', () => {
    const text = describeManagedHooks(probe(['.pre-commit-config.yaml'])!);
    assert.match(text, /managed by the pre-commit framework \(\.pre-commit-config\.yaml\), so no hook was written/);
    assert.match(text, /- id: change-control/);
    assert.match(text, /Then run: pre-commit install --hook-type commit-msg\n$/);
  });
});
