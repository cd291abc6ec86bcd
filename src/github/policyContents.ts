/**
 * Reads one policy file from a GitHub repository at a ref (the contents
 * API), for `extends: "owner/repo/path@ref"`. The client's ETag cache
 * turns a repeated read into a 304. Only a regular file of at most 1 MB
 * is accepted; anything else is an error naming it.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';

const MAX_BYTES = 1024 * 1024;

export interface PolicyLocation {
  owner: string;
  repo: string;
  path: string;
  ref: string;
}

/** The text of `path` in `owner/repo` at `ref`. */
export async function fetchPolicyContents(octokit: Octokit, at: PolicyLocation): Promise<string> {
  const { data } = await octokit.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, ref: at.ref });
  const shown = `${at.owner}/${at.repo}/${at.path}@${at.ref}`;
  if (Array.isArray(data) || data.type !== 'file') {
    throw new ChangeControlError('policy.invalid', `${shown} is not a file on GitHub (it is a ${Array.isArray(data) ? 'folder' : data.type}).`);
  }
  if (data.size > MAX_BYTES || typeof data.content !== 'string' || data.encoding !== 'base64') {
    throw new ChangeControlError('policy.invalid', `${shown} is ${data.size} bytes; the limit is ${MAX_BYTES} bytes.`);
  }
  return Buffer.from(data.content, 'base64').toString('utf8');
}
