import * as assert from 'node:assert/strict';
import { activateExtension, git, workspaceRoot } from './support';

describe('activation on a repository', () => {
  it('activates in the real extension host and reports its activation time', async () => {
    const wallStart = Date.now();
    const { ext, api } = await activateExtension();
    const wallMs = Date.now() - wallStart;
    assert.ok(ext.isActive);
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0 && api.activationMs < 5_000, `activationMs ${api.activationMs}`);
    // The workspace contains .git, so the extension is usually active before the suites start:
    // the extension host's uptime is then an upper bound of the wall time to activation.
    console.log(`    activation: activate() ${api.activationMs} ms; activate() awaited here ${wallMs} ms; `
      + `extension host up ${Math.round(process.uptime() * 1000)} ms when the suite checked`);
  });

  it('opens a real git repository with a bare remote as the workspace', () => {
    const root = workspaceRoot();
    assert.equal(git(['rev-parse', '--show-toplevel']), root);
    assert.match(git(['remote', 'get-url', 'origin']), /^http:\/\/127\.0\.0\.1:\d+\/acme\/clinic-app\.git$/);
    assert.equal(git(['ls-remote', 'origin', 'main']).split('\t')[0], git(['rev-parse', 'main']), 'main is pushed');
  });
});
