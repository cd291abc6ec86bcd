/**
 * Render the evidence document as a Markdown report a person can read.
 * Nearly every string in it was written by someone else (pull request
 * titles and bodies, commit subjects, ticket titles, branch and reviewer
 * names), and the report is opened in Markdown previews that run HTML and
 * load images. So user text never becomes Markdown structure: one-line
 * fields are escaped (no HTML, image, link or autolink can start in them),
 * names go in code spans, the pull request body is shown verbatim in a
 * fenced block it cannot close, and links are only http(s) URLs.
 */
import type { ChangeEvidence, EvidenceDocument } from './schema';

export function renderEvidenceMarkdown(doc: EvidenceDocument): string {
  const out: string[] = [];
  const repo = `${doc.repository.owner}/${doc.repository.repo}`;
  out.push(`# Change evidence: ${scopeTitle(doc)}`, '');
  out.push(`Repository ${link(repo, doc.repository.url)}, generated ${esc(doc.generatedAt)} by Change Control ${esc(doc.generator.version)}.`);
  out.push(
    `Policy: ${doc.policy.requiredApprovals} required ${doc.policy.requiredApprovals === 1 ? 'approval' : 'approvals'}, approval label ${code(doc.policy.approvalLabel)}, base branch ${code(doc.policy.baseBranch)}${doc.policy.source ? ` (the base's policy, read at ${code(doc.policy.source)})` : ''}.`,
    '',
  );
  const s = doc.summary;
  out.push('## Summary', '');
  out.push(`${s.changes} ${s.changes === 1 ? 'change' : 'changes'}; ${s.withTicket} with a ticket, ${s.approved} approved, ${s.reviewed} reviewed, ${s.tested} tested; **${s.deviations} ${s.deviations === 1 ? 'deviation' : 'deviations'}**.`, '');
  out.push('| Change | Ticket | Approved | Reviewed | Tested | Deviations |', '|---|---|---|---|---|---|');
  for (const r of s.rows) {
    out.push(`| ${esc(r.label)} | ${r.ticket ? esc(r.ticket) : '—'} | ${yes(r.approved)} | ${yes(r.reviewed)} | ${yes(r.tested)} | ${r.deviations} |`);
  }
  out.push('');
  for (const change of doc.changes) out.push(...renderChange(change), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function renderChange(c: ChangeEvidence): string[] {
  const out: string[] = [];
  const pr = c.pullRequest;
  out.push(`## ${esc(c.label)}${pr ? `: ${esc(pr.title)}` : ''}`, '');
  if (c.findings.length === 0) out.push('**No deviations found.**', '');
  else {
    out.push(`### Deviations (${c.findings.length})`, '');
    for (const f of c.findings) {
      out.push(`- **${esc(f.title)}** ${code(f.id)}`);
      for (const e of f.evidence) out.push(`  - ${esc(e)}`);
    }
    out.push('');
  }
  if (c.notVerifiable?.length) {
    out.push(`### Not verifiable (${c.notVerifiable.length})`, '');
    for (const n of c.notVerifiable) out.push(`- ${code(n.rule)}: ${esc(n.reason)}`);
    out.push('');
  }
  if (c.notes?.length) {
    out.push(`### Notes (${c.notes.length})`, '');
    for (const n of c.notes) out.push(`- ${code(n.rule)}: ${esc(n.note)}`);
    out.push('');
  }
  out.push('### Ticket', '');
  if (c.ticket) {
    const t = c.ticket;
    out.push(`- ${t.url ? link(t.id, t.url) : esc(t.id)}: ${esc(t.title)} (${esc(t.state)})`);
    out.push(`- Approval: ${t.approved ? `approved by ${esc(t.approvedBy ?? 'unknown')} at ${esc(t.approvedAt ?? 'unknown time')}` : 'not approved'}`);
    out.push(`- Link to the pull request: ${c.ticketBackLink.present ? (c.ticketBackLink.url ? link('present', c.ticketBackLink.url) : 'present') : 'missing'}`);
  } else out.push(c.ticketId ? `- ${esc(c.ticketId)} (not found)` : '- none');
  out.push('');
  if (c.branch) out.push(`Branch ${code(c.branch.head)} into ${code(c.branch.base)}.`, '');
  if (c.policyChanged) out.push(`**Policy changed in this change: applies after merge.** The base branch's policy judged it.`, '');
  if (pr) {
    out.push('### Pull request', '');
    out.push(`- ${link(`#${pr.number}`, pr.url)} by ${esc(pr.author)}, ${esc(pr.state)}, opened ${esc(pr.createdAt)}`);
    out.push(`- Approvals: ${pr.approvals.counted} of ${pr.approvals.required} required${pr.approvals.approvers.length ? ` (${pr.approvals.approvers.map(esc).join(', ')})` : ''}`);
    if (pr.requestedReviewers.length) out.push(`- Review requested from: ${pr.requestedReviewers.map(esc).join(', ')}`);
    for (const r of pr.reviews) out.push(`- Review: ${esc(r.reviewer)} ${esc(r.state)} at ${esc(r.submittedAt ?? '—')} on ${esc(r.commitId?.slice(0, 12) ?? '—')}`);
    out.push(`- Checks at ${esc(pr.headSha.slice(0, 12))}: ${pr.checks.length === 0 ? 'none' : pr.checks.map((k) => `${esc(k.name)} ${esc(k.state)}`).join(', ')}`);
    if (c.merge) out.push(`- Merged by ${esc(c.merge.mergedBy ?? 'unknown')} at ${esc(c.merge.mergedAt)} as ${esc(c.merge.mergeCommitSha?.slice(0, 12) ?? '—')}`);
    out.push('', '<details><summary>Description</summary>', '', ...verbatim(pr.body || '(empty)'), '', '</details>', '');
  }
  out.push('### Commits', '');
  for (const commit of c.commits) {
    out.push(`- ${code(commit.sha.slice(0, 12))} ${esc(commit.author)} ${esc(commit.date)}: ${esc(commit.message.split('\n', 1)[0] ?? '')}${commit.lint.length ? ` — ${commit.lint.length} message ${commit.lint.length === 1 ? 'problem' : 'problems'}` : ''}`);
  }
  if (c.commits.length === 0) out.push('- none');
  out.push('');
  if (c.tests) {
    out.push('### Tests', '');
    for (const src of c.tests.sources) out.push(`- ${code(src.path)}: ${esc(src.verdict)}${src.tests.length ? ` (${src.tests.map(code).join(', ')})` : ''}`);
    if (c.tests.sources.length === 0) out.push('- no source files changed');
  }
  return out;
}

function scopeTitle(doc: EvidenceDocument): string {
  const scope = doc.scope;
  if (scope.kind === 'pull-request') return `pull request #${scope.number}`;
  if (scope.kind === 'branch') return `branch ${esc(scope.branch)}`;
  return `release ${esc(scope.from)}..${esc(scope.to)}`;
}

function yes(v: boolean): string {
  return v ? 'yes' : '**no**';
}

/**
 * One line of user text as inline Markdown that renders as exactly that
 * text: Markdown punctuation and `<` (HTML, autolinks) are escaped, and so
 * are the characters linkifiers key on (`:` before `/`, `@`, a `.` inside
 * a name), so no image, tag or link can start in it. Line breaks become
 * spaces: a field is never a new block.
 */
export function esc(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]<>!|~&@]|:(?=\/)|\.(?=[\p{L}\p{N}])/gu, (ch) => `\\${ch}`)
    .replace(/#(\s*)$/, '\\#$1'); // a heading's closing #s would be dropped
}

/** A name, sha or path as a code span it cannot close (nothing renders in one). */
export function code(text: string): string {
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Quoted user text (a pull request body), verbatim in a fenced code block
 * whose fence is longer than any backtick run in it, so no line of the text
 * can close it; inside, no Markdown, HTML, image or link renders.
 */
export function verbatim(text: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return [`${fence}text`, ...text.split(/\r\n|\r|\n/), fence];
}

/** A link only to an http(s) URL, percent-encoded so it cannot break out of `<…>`; other text stays plain. */
function link(label: string, url: string | null | undefined): string {
  const href = httpUrl(url);
  return href ? `[${esc(label)}](<${href}>)` : esc(label);
}

function httpUrl(url: string | null | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/[<>\\\s()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text[i] === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
