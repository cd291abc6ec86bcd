import { strict as assert } from 'node:assert';
import { checkedToWebview, parseFromWebview } from '../../../src/extension/pullRequest/createPullRequestMessages';
import { createPullRequestHtml } from '../../../src/extension/pullRequest/createPullRequestHtml';

describe('Create Pull Request page: messages and HTML', () => {
  it('accepts the page\'s create message and refuses anything else', () => {
    const ok = parseFromWebview({ type: 'create', title: 'Add the export (#1)', body: 'Why', draft: true, reviewers: ['erin', 'acme/security'] });
    assert.ok('message' in ok && ok.message.type === 'create');
    for (const bad of [
      { type: 'create', title: '   ', body: '', draft: false, reviewers: [] },
      { type: 'create', title: 'T', body: '', draft: false, reviewers: ['erin; rm -rf /'] },
      { type: 'create', title: 'T', body: '', draft: false, reviewers: [], token: 'x' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      'create',
      null,
    ]) assert.ok('problem' in parseFromWebview(bad), JSON.stringify(bad));
  });

  it('checks what it posts', () => {
    assert.throws(() => checkedToWebview({ type: 'state', state: { title: 'x' } } as never));
    assert.deepEqual(checkedToWebview({ type: 'busy', message: 'Pushing…' }), { type: 'busy', message: 'Pushing…' });
  });

  it('has a strict CSP with one nonce, and nothing remote', () => {
    const html = createPullRequestHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'n0nce', codiconsCss: 'https://file+.vscode-resource.vscode-cdn.net/out/codicons/codicon.css' });
    const csp = html.match(/Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.match(tag, /nonce="n0nce"/);
    assert.doesNotMatch(html.replaceAll('https://file+.vscode-resource.vscode-cdn.net', ''), /https?:\/\//, 'no remote resource');
    assert.doesNotMatch(html, /innerHTML/, 'data never becomes HTML');
  });
});
