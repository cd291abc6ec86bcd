/** GitHub's example webhook payloads (@octokit/webhooks-examples), one by event name and action. */
import { readFileSync } from 'node:fs';

interface ExampleSet { name: string; examples: { action?: string }[] }

let all: ExampleSet[] | undefined;

/** A deep copy of GitHub's first example of `event` with `action`. */
export function webhookExample(event: string, action: string): Record<string, unknown> {
  all ??= JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as ExampleSet[];
  const example = all.find((e) => e.name === event)?.examples.find((x) => x.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example.`);
  return structuredClone(example) as Record<string, unknown>;
}
