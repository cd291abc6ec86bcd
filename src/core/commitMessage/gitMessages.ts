/**
 * Messages that git itself writes (or that `git commit --fixup/--squash`
 * prepares) pass every rule: they are the policy's own reference and the
 * user did not write them. A `fixup!` subject is replaced when it is
 * squashed, so its length and mood do not matter.
 */
const GIT_SUBJECT = /^(?:Merge (?:branch|branches|remote-tracking branch|pull request|tag|commit|[0-9a-f]{7,40}\b|'|")|Revert "|(?:fixup|squash|amend)! )/;

/** True when the subject is one git generates (`Merge …`, `Revert "…"`, `fixup! …`). */
export function isGitGeneratedSubject(subject: string): boolean {
  return GIT_SUBJECT.test(subject);
}
