/**
 * Editor messages name no CLI flag ("pass --pr N"): the hints the use
 * cases and adapters give, and every message the extension shows, use
 * neutral wording; a flag belongs in `cliHint`, which only the CLI shows.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ChangeControlError, describeError } from '../../../src/core/errors';

const ROOT = path.resolve(__dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** A flag of ours inside a string literal: ` --pr`, `(--range`, `'--base`. */
const FLAG = /(?:^|[\s('"`])--[a-z][a-z-]*/;

describe('editor messages and CLI flags', () => {
  it('gives no flag in a hint of the shared layers, nor in a message the extension shows', () => {
    const offenders: string[] = [];
    for (const layer of ['app', 'core', 'git', 'github', 'tickets', 'extension']) {
      for (const file of sources(path.join(ROOT, layer))) {
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          const shown = /(?<!cli)hint: |show(?:Information|Warning|Error)Message\(|new ChangeControlError\(/i.test(line) && !/cliHint:/.test(line);
          // Git's own commands (git pull --rebase) are not flags of ours.
          const text = line.replace(/git [a-z-]+ --[a-z-]+/g, '');
          if (shown && FLAG.test(text.replace(/^[^'"`]*/, ''))) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('shows the CLI wording only to the CLI', () => {
    const err = new ChangeControlError('usage', 'No pull request.', { hint: 'Open one first.', cliHint: 'Pass --pr N.' });
    assert.equal(describeError(err), 'No pull request. Open one first.');
    assert.equal(describeError(err, 'cli'), 'No pull request. Pass --pr N.');
    assert.equal(describeError(new ChangeControlError('usage', 'x', { hint: 'y' }), 'cli'), 'x y');
  });
});
