/**
 * Errors of the Open Pull Request flow as ChangeControlErrors with a next
 * step. Octokit's RequestError is translated by status; anything already
 * translated passes through unchanged.
 */
import { ChangeControlError, isChangeControlError } from '../core/errors';

interface RequestErrorLike {
  status?: number;
  message?: string;
  name?: string;
  code?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string; errors?: { message?: string; code?: string }[] } };
}

/** Translate anything thrown while talking to GitHub (never includes the token). */
export function toGitHubError(err: unknown, context: string): ChangeControlError {
  if (isChangeControlError(err)) return err;
  const e = (err ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const detail = e.response?.data?.message ?? '';
  const at = context ? `${context}: ` : '';
  // Octokit reports a request that got no response (refused, reset, aborted, timed out) as status 500 without a response.
  if (!e.response && (status === undefined || status === 500)) return noResponse(err, e, at);
  if (status === 401) return new ChangeControlError('github.unauthorized', `${at}GitHub did not accept your sign-in.`, { cause: err, hint: 'Sign in to GitHub again.' });
  const headers = e.response?.headers ?? {};
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] || /rate limit/i.test(detail))) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.` : '';
    return new ChangeControlError('github.rateLimited', `${at}GitHub's rate limit was reached.${when}`, { cause: err, hint: 'Wait, then run the command again.' });
  }
  if (status === 403) return new ChangeControlError('github.forbidden', `${at}you do not have permission (${detail || 'forbidden'}).`, { cause: err, hint: 'Ask a repository admin for write access, or sign in with an account that has it.' });
  if (status === 404) return new ChangeControlError('github.notFound', `${at}not found on GitHub (or your account cannot see it).`, { cause: err, hint: 'Check the remote, the ticket ID and that your account can access the repository.' });
  if (status === 422) {
    const reasons = (e.response?.data?.errors ?? []).map((x) => x.message ?? x.code).filter(Boolean).join('; ');
    return new ChangeControlError('github.validation', `${at}GitHub refused the request: ${reasons || detail || 'validation failed'}.`, { cause: err });
  }
  if (status !== undefined && status >= 500) return new ChangeControlError('github.server', `${at}GitHub answered ${status} (a server error).`, { cause: err, hint: 'Try again in a few minutes; check githubstatus.com.' });
  return noResponse(err, e, at);
}

function noResponse(err: unknown, e: RequestErrorLike, at: string): ChangeControlError {
  const cause = (e as { cause?: { name?: string; message?: string; code?: string } }).cause;
  const text = `${e.name} ${e.message} ${cause?.name ?? ''} ${cause?.message ?? ''}`;
  if (/timeout|timed out/i.test(text)) return new ChangeControlError('github.timeout', `${at}GitHub did not answer in time.`, { cause: err, hint: 'Check your connection and try again.' });
  if (/AbortError|aborted/i.test(text)) return new ChangeControlError('cancelled', `${at}cancelled.`, { cause: err });
  return new ChangeControlError('github.network', `${at}GitHub could not be reached (${e.message ?? String(err)}).`, { cause: err, hint: 'Check your network connection or proxy, then try again.' });
}
