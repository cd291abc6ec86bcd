import assert from 'node:assert/strict';
import * as path from 'node:path';
import { evidenceFileName, evidenceSaveLocation } from '../../../src/extension/evidence/saveLocation';

describe('evidence Save JSON location', () => {
  it('proposes the home folder, outside the work tree', () => {
    const at = evidenceSaveLocation('/work/clinic-app', '/home/dana', 'e.json');
    assert.equal(at, path.join('/home/dana', 'e.json'));
    assert.ok(!at.startsWith('/work/clinic-app/'));
  });

  it('goes beside the work tree when home is the work tree or inside it', () => {
    assert.equal(evidenceSaveLocation('/home/dana', '/home/dana', 'e.json'), path.join('/home', 'e.json'));
    assert.equal(evidenceSaveLocation('/home', '/home/dana', 'e.json'), path.join('/', 'e.json'));
  });

  it('names the file from the repository and scope, with safe characters only', () => {
    assert.equal(evidenceFileName('clinic-app', 'v1.0.0..v1.1.0'), 'change-evidence-clinic-app-v1.0.0..v1.1.0.json');
    assert.equal(evidenceFileName('x', 'feature/2-a b'), 'change-evidence-x-feature-2-a-b.json');
    assert.doesNotMatch(evidenceFileName('../../etc', '/'), /\//);
  });
});
