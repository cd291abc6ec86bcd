/**
 * The action's event parsing against GitHub's own example payloads
 * (@octokit/webhooks-examples), so a field the action reads is a field
 * GitHub sends.
 */
import { strict as assert } from 'node:assert';
import { parseEvent } from '../../../src/action/event';
import { webhookExample } from '../../support/webhookExamples';

describe('parseEvent', () => {
  it('reads the pull request of pull_request and pull_request_review events', () => {
    for (const [name, action] of [['pull_request', 'opened'], ['pull_request', 'synchronize'], ['pull_request_review', 'submitted']] as const) {
      const payload = webhookExample(name, action) as { pull_request: { number: number; head: { sha: string } } };
      const event = parseEvent(name, payload);
      assert.ok('kind' in event && event.kind === 'pullRequest', `${name}.${action}`);
      assert.equal(event.number, payload.pull_request.number);
      assert.equal(event.headSha, payload.pull_request.head.sha);
    }
  });

  it('reads the ticket and label of issues.labeled and issues.unlabeled', () => {
    for (const action of ['labeled', 'unlabeled'] as const) {
      const payload = webhookExample('issues', action) as { issue: { number: number }; label: { name: string } };
      const event = parseEvent('issues', payload);
      assert.deepEqual(event, { kind: 'ticketLabel', name: 'issues', action, repository: 'Codertocat/Hello-World', ticket: payload.issue.number, label: payload.label.name });
    }
  });

  it('treats other issue actions and events as nothing to do, and a broken payload as an error', () => {
    assert.equal((parseEvent('issues', webhookExample('issues', 'opened')) as { kind: string }).kind, 'other');
    assert.equal((parseEvent('push', { repository: { full_name: 'a/b' } }) as { kind: string }).kind, 'other');
    assert.match((parseEvent('pull_request', { pull_request: { number: 'x' } }) as { error: string }).error, /no pull request/);
  });
});
