/**
 * Tag a release, once verified: an annotated tag on the release's commit
 * whose message passes our own linter, pushed (never forced); a GitHub
 * Release whose notes link every ticket and pull request, with the
 * evidence JSON and Markdown attached; one comment on the release ticket.
 * Each step first looks whether it is done already, so a re-run changes
 * nothing.
 */
import { renderEvidenceMarkdown } from '../core/evidence/markdown';
import type { EvidenceDocument } from '../core/evidence/schema';
import { ChangeControlError } from '../core/errors';
import { wrapReleaseText } from '../core/release';
import { createAnnotatedTag, pushTag, taggedCommit } from '../git/releaseTag';
import { isGoneOrMissing } from '../github/errors';
import { listIssueComments } from '../github/issues';
import { trackerRepo } from '../tickets/githubTicketProvider';
import { evidenceLinter } from './evidenceReport';
import { verifyRelease, type ReleaseOptions, type VerifyReleaseResult } from './release';

export interface TagResult {
  verified: VerifyReleaseResult;
  /** What was done; empty on a re-run. */
  done: string[];
  releaseUrl?: string;
}

const commentMarker = (version: string): string => `<!-- change-control:released ${version} -->`;

/** Verifies the release, then tags, pushes, publishes and comments, each only when not done yet. */
export async function tagRelease(o: Omit<ReleaseOptions, 'from' | 'to'> & { remote: string }): Promise<TagResult> {
  const verified = await verifyRelease(o);
  if (!verified.verdict.ok || !verified.doc || !verified.ticket || verified.doc.scope.kind !== 'range') return { verified, done: [] };
  const doc = verified.doc;
  const ticket = verified.ticket;
  const to = doc.scope.kind === 'range' ? doc.scope.to : '';
  const done: string[] = [];
  const existing = await taggedCommit(o.root, o.version);
  if (existing && existing !== to) {
    throw new ChangeControlError('git.pushRejected', `The tag ${o.version} already names ${existing.slice(0, 12)}, not the verified release ${to.slice(0, 12)}.`, { hint: 'Plan the release for that commit, or pick another version.' });
  }
  if (!existing) {
    const message = tagMessage(o.version, doc, ticket.number);
    const problems = evidenceLinter(o.policy)(message);
    if (problems.length > 0) throw new ChangeControlError('internal', `The tag message breaks the commit rules (${problems.map((p) => p.rule).join(', ')}): a bug, please report it.`);
    await createAnnotatedTag(o.root, o.version, to, message);
    done.push(`created the annotated tag ${o.version} on ${to.slice(0, 12)}`);
  }
  await pushTag(o.root, o.remote, o.version);
  const release = await ensureRelease(o, doc, ticket.number, ticket.url, done);
  await ensureAssets(o, release, doc, done);
  const tracker = { ...trackerRepo(o.repo, o.policy.tracker), number: ticket.number };
  const comments = await listIssueComments(o.octokit, tracker, o.signal);
  if (!comments.some((c) => (c.body ?? '').includes(commentMarker(o.version)))) {
    await o.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: tracker.owner, repo: tracker.repo, issue_number: ticket.number, request: { signal: o.signal },
      body: `${commentMarker(o.version)}\nReleased ${o.version}: ${release.html_url}`,
    });
    done.push(`commented on release ticket #${ticket.number}`);
  }
  return { verified, done, releaseUrl: release.html_url };
}

/** "Release v1.4.0" and why, wrapped at 72 columns, naming the release ticket. */
export function tagMessage(version: string, doc: EvidenceDocument, ticket: number): string {
  const deviations = doc.changes.reduce((n, c) => n + c.findings.length, 0);
  const from = doc.scope.kind === 'range' ? doc.scope.from : '';
  const approval = doc.release?.approval;
  const body = `The release ticket #${ticket} lists ${doc.changes.length} change${doc.changes.length === 1 ? '' : 's'} since ${from} and ${deviations} deviation${deviations === 1 ? '' : 's'}${approval ? `; ${approval.by} approved it at ${approval.at}` : ''}.`;
  return `Release ${version}\n\n${wrapReleaseText(body, 72)}\n`;
}

interface ReleasePayload { id: number; html_url: string; upload_url: string }

async function ensureRelease(o: Omit<ReleaseOptions, 'from' | 'to'>, doc: EvidenceDocument, ticket: number, ticketUrl: string, done: string[]): Promise<ReleasePayload> {
  try {
    const { data } = await o.octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...o.repo, tag: o.version, request: { signal: o.signal } });
    return data;
  } catch (err) {
    if (!isGoneOrMissing(err)) throw err;
  }
  const { data } = await o.octokit.request('POST /repos/{owner}/{repo}/releases', {
    ...o.repo, tag_name: o.version, name: o.version, body: releaseNotes(o.version, doc, ticket, ticketUrl), request: { signal: o.signal },
  });
  done.push(`published the GitHub Release ${o.version}`);
  return data;
}

/** The notes: the release ticket, then every change with its pull request and ticket links. */
export function releaseNotes(version: string, doc: EvidenceDocument, ticket: number, ticketUrl: string): string {
  const lines = [`Release ${version}, approved in release ticket [#${ticket}](${ticketUrl}).`, '', '## Changes', ''];
  for (const c of doc.changes) {
    const pr = c.pullRequest ? `[${c.label}](${c.pullRequest.url}) ${c.pullRequest.title.replace(/[\r\n[\]]/g, ' ')}` : `${c.label} (direct commit)`;
    const t = c.ticket ? ` — ticket [${c.ticket.id}](${c.ticket.url ?? ''})` : c.ticketId ? ` — ticket ${c.ticketId}` : ' — no ticket';
    lines.push(`- ${pr}${t}${c.findings.length > 0 ? ` (${c.findings.map((f) => f.id).join(', ')})` : ''}`);
  }
  lines.push('', 'The audit evidence is attached (JSON and Markdown).');
  return `${lines.join('\n')}\n`;
}

async function ensureAssets(o: Omit<ReleaseOptions, 'from' | 'to'>, release: ReleasePayload, doc: EvidenceDocument, done: string[]): Promise<void> {
  const assets = await o.octokit.paginate(o.octokit.rest.repos.listReleaseAssets, { ...o.repo, release_id: release.id, per_page: 100, request: { signal: o.signal } });
  const files = [
    { name: `evidence-${o.version}.json`, type: 'application/json', data: `${JSON.stringify(doc, null, 2)}\n` },
    { name: `evidence-${o.version}.md`, type: 'text/markdown', data: renderEvidenceMarkdown(doc) },
  ];
  for (const f of files) {
    if (assets.some((a) => a.name === f.name)) continue;
    // upload_url is GitHub's own (uploads.github.com on github.com): the client sends the token only to its GitHub.
    await o.octokit.request({ method: 'POST', url: release.upload_url, name: f.name, data: f.data, headers: { 'content-type': f.type }, request: { signal: o.signal } });
    done.push(`attached ${f.name}`);
  }
}
