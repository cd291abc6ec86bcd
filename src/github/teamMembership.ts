/**
 * Team membership through GitHub's API (GET /orgs/{org}/teams/{team_slug}/
 * memberships/{username}): the TeamMembership port. 404 means "not a
 * member" (GitHub answers so for a hidden team too, so an approver
 * missing from a team the token cannot see reads as not an approver:
 * fail closed); other failures (403 without read:org) reject. Only an
 * active membership counts, not a pending invitation.
 */
import type { Octokit } from '@octokit/rest';
import type { TeamMembership } from '../core/ports';
import { describeError } from '../core/errors';
import { translateGitHubError } from './errors';

export function githubTeamMembership(octokit: Octokit, signal?: AbortSignal): TeamMembership {
  return async (org, team, login) => {
    try {
      const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: team, username: login, request: { signal } });
      return data.state === 'active';
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw new Error(describeError(translateGitHubError(err)));
    }
  };
}
