/** Render the evidence document as a Markdown report a person can read. */
import type { ChangeEvidence, EvidenceDocument } from './schema';

export function renderEvidenceMarkdown(doc: EvidenceDocument): string {
  const out: string[] = [];
  const repo = `${doc.repository.owner}/${doc.repository.repo}`;
  out.push(`# Change evidence: ${scopeTitle(doc)}`, '');
  out.push(`Repository [${esc(repo)}](${doc.repository.url}), generated ${doc.generatedAt} by Change Control ${doc.generator.version}.`);
  out.push(
    `Policy: ${doc.policy.requiredApprovals} required ${doc.policy.requiredApprovals === 1 ? 'approval' : 'approvals'}, approval label \`${esc(doc.policy.approvalLabel)}\`, base branch \`${esc(doc.policy.baseBranch)}\`${doc.policy.source ? ` (the base's policy, read at \`${esc(doc.policy.source)}\`)` : ''}.`,
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
      out.push(`- **${esc(f.title)}** \`${f.id}\``);
      for (const e of f.evidence) out.push(`  - ${esc(e)}`);
    }
    out.push('');
  }
  out.push('### Ticket', '');
  if (c.ticket) {
    const t = c.ticket;
    out.push(`- ${t.url ? `[${esc(t.id)}](${t.url})` : esc(t.id)}: ${esc(t.title)} (${t.state})`);
    out.push(`- Approval: ${t.approved ? `approved by ${esc(t.approvedBy ?? 'unknown')} at ${t.approvedAt ?? 'unknown time'}` : 'not approved'}`);
    out.push(`- Link to the pull request: ${c.ticketBackLink.present ? (c.ticketBackLink.url ? `[present](${c.ticketBackLink.url})` : 'present') : 'missing'}`);
  } else out.push(c.ticketId ? `- ${esc(c.ticketId)} (not found)` : '- none');
  out.push('');
  if (c.branch) out.push(`Branch \`${esc(c.branch.head)}\` into \`${esc(c.branch.base)}\`.`, '');
  if (c.policyChanged) out.push(`**Policy changed in this change: applies after merge.** The base branch's policy judged it.`, '');
  if (pr) {
    out.push('### Pull request', '');
    out.push(`- [#${pr.number}](${pr.url}) by ${esc(pr.author)}, ${pr.state}, opened ${pr.createdAt}`);
    out.push(`- Approvals: ${pr.approvals.counted} of ${pr.approvals.required} required${pr.approvals.approvers.length ? ` (${pr.approvals.approvers.map(esc).join(', ')})` : ''}`);
    if (pr.requestedReviewers.length) out.push(`- Review requested from: ${pr.requestedReviewers.map(esc).join(', ')}`);
    for (const r of pr.reviews) out.push(`- Review: ${esc(r.reviewer)} ${r.state} at ${r.submittedAt ?? '—'} on ${r.commitId?.slice(0, 12) ?? '—'}`);
    out.push(`- Checks at ${pr.headSha.slice(0, 12)}: ${pr.checks.length === 0 ? 'none' : pr.checks.map((k) => `${esc(k.name)} ${k.state}`).join(', ')}`);
    if (c.merge) out.push(`- Merged by ${esc(c.merge.mergedBy ?? 'unknown')} at ${c.merge.mergedAt} as ${c.merge.mergeCommitSha?.slice(0, 12) ?? '—'}`);
    out.push('', '<details><summary>Description</summary>', '', quote(pr.body || '(empty)'), '', '</details>', '');
  }
  out.push('### Commits', '');
  for (const commit of c.commits) {
    out.push(`- \`${commit.sha.slice(0, 12)}\` ${esc(commit.author)} ${commit.date}: ${esc(commit.message.split('\n', 1)[0] ?? '')}${commit.lint.length ? ` — ${commit.lint.length} message ${commit.lint.length === 1 ? 'problem' : 'problems'}` : ''}`);
  }
  if (c.commits.length === 0) out.push('- none');
  out.push('');
  if (c.tests) {
    out.push('### Tests', '');
    for (const src of c.tests.sources) out.push(`- \`${esc(src.path)}\`: ${src.verdict}${src.tests.length ? ` (${src.tests.map((t) => `\`${esc(t)}\``).join(', ')})` : ''}`);
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

/** Escape text so user-written titles cannot inject Markdown structure or HTML. */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

function quote(text: string): string {
  return text.replace(/</g, '&lt;').split(/\r?\n/).map((l) => `> ${l}`).join('\n');
}
