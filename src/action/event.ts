/**
 * What a workflow run is about, from GITHUB_EVENT_NAME and the payload in
 * GITHUB_EVENT_PATH. Only the fields the action uses are read, through a
 * zod schema that ignores the rest: a payload is data GitHub wrote, but
 * its titles, bodies and branch names come from anyone who can open an
 * issue or a pull request.
 */
import { z } from 'zod';

const Repository = z.object({ full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/) });
const PullRequest = z.object({
  number: z.number().int().positive(),
  state: z.string(),
  head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
  base: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/), ref: z.string() }),
});
const PullRequestPayload = z.object({ action: z.string().optional(), pull_request: PullRequest, repository: Repository });
const IssuesPayload = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  label: z.object({ name: z.string() }).optional(),
  repository: Repository,
});

export type ActionEvent =
  | { kind: 'pullRequest'; name: string; action?: string; repository: string; number: number; headSha: string; baseSha: string; baseRef: string }
  | { kind: 'ticketLabel'; name: string; action: 'labeled' | 'unlabeled'; repository: string; ticket: number; label?: string }
  | { kind: 'other'; name: string; repository?: string };

/** The event, or a message saying why the payload is not one this action understands. */
export function parseEvent(name: string, payload: unknown): ActionEvent | { error: string } {
  if (name === 'pull_request' || name === 'pull_request_target' || name === 'pull_request_review') {
    const parsed = PullRequestPayload.safeParse(payload);
    if (!parsed.success) return { error: `The ${name} event has no pull request with a head and base commit.` };
    const { pull_request: pr, repository, action } = parsed.data;
    return {
      kind: 'pullRequest', name, ...(action ? { action } : {}), repository: repository.full_name,
      number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha, baseRef: pr.base.ref,
    };
  }
  if (name === 'issues') {
    const parsed = IssuesPayload.safeParse(payload);
    if (!parsed.success) return { error: 'The issues event has no issue number.' };
    const { action, issue, label, repository } = parsed.data;
    if ((action === 'labeled' || action === 'unlabeled') && issue.pull_request === undefined) {
      return { kind: 'ticketLabel', name, action, repository: repository.full_name, ticket: issue.number, ...(label ? { label: label.name } : {}) };
    }
    return { kind: 'other', name, repository: repository.full_name };
  }
  const repository = Repository.safeParse((payload as { repository?: unknown } | null)?.repository);
  return { kind: 'other', name, ...(repository.success ? { repository: repository.data.full_name } : {}) };
}
