/**
 * The git half of tagging a release: the commit a tag names, an annotated
 * tag, and pushing it. Pushes are never forced: a tag the remote already
 * has on the same object is "up to date", on another it is refused.
 */
import { ChangeControlError } from '../core/errors';
import { gitCall, openGit } from './git';

/** The commit `refs/tags/TAG` names here, or undefined when there is no such tag. */
export async function taggedCommit(root: string, tag: string): Promise<string | undefined> {
  try {
    return (await openGit(root).raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`])).trim() || undefined;
  } catch {
    // rev-parse --verify exits 1 for a missing ref: there is no such tag.
    return undefined;
  }
}

/** Creates the annotated tag `tag` on `sha` with `message` (the tag name was checked: it cannot be read as an option). */
export async function createAnnotatedTag(root: string, tag: string, sha: string, message: string): Promise<void> {
  if (tag.startsWith('-')) throw new ChangeControlError('usage', `"${tag}" is not a tag name.`);
  await gitCall(`Create the tag ${tag}`, () => openGit(root).raw(['tag', '-a', '-m', message, tag, sha]));
}

/** Pushes the tag to `remote`, never forced. */
export async function pushTag(root: string, remote: string, tag: string): Promise<void> {
  await gitCall(`Push the tag ${tag} to ${remote}`, () => openGit(root).raw(['push', '--end-of-options', remote, `refs/tags/${tag}:refs/tags/${tag}`]));
}
