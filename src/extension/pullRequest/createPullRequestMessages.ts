/**
 * The messages between the Create Pull Request webview and the extension,
 * declared once with zod. The extension parses every message the webview
 * sends (a webview is a web page: its messages are untrusted input) and
 * checks every message it posts against the same schemas, so a bug cannot
 * send the page something it does not understand. No token, no URL other
 * than GitHub's web pages, ever crosses.
 */
import { z } from 'zod';

const Login = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9-]*(?:\[bot\])?(?:\/[A-Za-z0-9._-]+)?$/, 'a login or org/team');

/** What the user chose on the page. */
const Choices = {
  title: z.string().trim().min(1, 'the title is empty').max(256),
  body: z.string().max(65_536),
  draft: z.boolean(),
  reviewers: z.array(Login).max(50),
};

/** What the page may ask for. */
export const FromWebviewSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('create'), ...Choices }),
  z.strictObject({ type: z.literal('updateDescription'), body: z.string().max(65_536) }),
  z.strictObject({ type: z.literal('openExisting') }),
  /** Runs the pre-flight again, keeping what the user typed. */
  z.strictObject({ type: z.literal('recheck'), ...Choices }),
]);
export type FromWebview = z.infer<typeof FromWebviewSchema>;

const Candidate = z.strictObject({ id: Login, kind: z.enum(['user', 'team']), name: z.string().max(200) });

export const SurfaceStateSchema = z.strictObject({
  repository: z.string(),
  branch: z.string(),
  base: z.string(),
  title: z.string(),
  body: z.string(),
  draft: z.boolean(),
  reviewers: z.array(Login),
  candidates: z.array(Candidate),
  /** Why the candidates could not be read, when they could not (typing a login still works). */
  candidatesNote: z.string().optional(),
  preflight: z.strictObject({
    blockers: z.array(z.string()),
    warnings: z.array(z.string()),
    passed: z.array(z.strictObject({ ruleId: z.string(), description: z.string() })),
  }),
  policyNotes: z.array(z.string()),
  /** The pull request that is open for this branch already: the page says so first. */
  existing: z.strictObject({ number: z.number().int().positive(), title: z.string(), url: z.url({ protocol: /^https?$/ }) }).optional(),
});
export type SurfaceState = z.infer<typeof SurfaceStateSchema>;

/** What the extension tells the page. */
export const ToWebviewSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state'), state: SurfaceStateSchema }),
  z.strictObject({ type: z.literal('busy'), message: z.string() }),
  z.strictObject({ type: z.literal('done'), message: z.string() }),
  z.strictObject({ type: z.literal('error'), message: z.string() }),
]);
export type ToWebview = z.infer<typeof ToWebviewSchema>;

/** The page's message, or undefined (and why) when it is not one of ours. */
export function parseFromWebview(raw: unknown): { message: FromWebview } | { problem: string } {
  const parsed = FromWebviewSchema.safeParse(raw);
  return parsed.success ? { message: parsed.data } : { problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
}

/** Checked before posting: throws on a message the page would not understand (a bug on our side). */
export function checkedToWebview(message: ToWebview): ToWebview {
  return ToWebviewSchema.parse(message);
}
