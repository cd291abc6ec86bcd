/**
 * INTERIM stand-in for the shared fake GitHub (test/github-fake/, owned by
 * the client's area), limited to the operations of Open Pull Request. It
 * validates every REQUEST against the same committed OpenAPI subset
 * (ContractValidator); its response payloads are minimal, so responses are
 * not validated. Replace with the shared fake when its server lands.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractValidator } from '../../github-fake/contract';

export interface SeenRequest {
  method: string;
  path: string;
  operationId: string | undefined;
  authorization: string | undefined;
  body: unknown;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  errors?: { message: string }[];
  /** Never answer (a hung connection), to exercise timeouts. */
  hang?: boolean;
  /** A whole body instead of the error body (e.g. a 200 with []). */
  payload?: unknown;
  /** How many matching requests fail (default: all). */
  times?: number;
}

interface Issue { number: number; title: string; state: 'open' | 'closed'; labels: { name: string }[]; assignees: { login: string }[]; pull?: boolean }
interface Pull { number: number; title: string; body: string; head: string; base: string; draft: boolean; user: string; requested: string[] }

const validator = new ContractValidator();

export class InterimGitHub {
  readonly requests: SeenRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly issues = new Map<string, Issue[]>();
  readonly pulls = new Map<string, Pull[]>();
  readonly comments = new Map<string, { id: number; body: string; user: string }[]>();
  /** The login whose token this is ("the signed-in user"). */
  login = 'dev';
  private nextId = 1000;
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    // Drop keep-alive and hung connections, or close() waits for them.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  seedIssue(repo: string, issue: Omit<Issue, 'labels' | 'assignees'> & { labels?: string[]; assignees?: string[] }): void {
    const list = this.issues.get(repo) ?? [];
    list.push({ ...issue, labels: (issue.labels ?? []).map((name) => ({ name })), assignees: (issue.assignees ?? []).map((login) => ({ login })) });
    this.issues.set(repo, list);
  }

  posts(): SeenRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const method = req.method ?? 'GET';
    const match = validator.match(method, url.pathname);
    this.requests.push({ method, path: `${url.pathname}${url.search}`, operationId: match?.operationId, authorization: req.headers.authorization, body });
    if (!match) this.violations.push(`${method} ${url.pathname}: not in the contract`);
    else this.violations.push(...validator.validateRequest(match, url.searchParams, body));
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const fault = this.faults.find((f) => f.method === method && f.path.test(url.pathname) && (f.times === undefined || f.times > 0));
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      if (fault.hang) return;
      if (fault.payload !== undefined) return send(fault.status, fault.payload, fault.headers);
      send(fault.status, { message: fault.message ?? 'Fault', documentation_url: 'https://docs.github.com/rest', ...(fault.errors ? { errors: fault.errors } : {}) }, fault.headers);
      return;
    }
    const [status, payload] = this.route(method, url, body as Record<string, unknown> | undefined);
    send(status, payload);
  }

  private route(method: string, url: URL, body: Record<string, unknown> | undefined): [number, unknown] {
    const p = url.pathname;
    if (method === 'GET' && p === '/user') return [200, { login: this.login, id: 1 }];
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) return [404, { message: 'Not Found' }];
    const repo = `${m[1]}/${m[2]}`;
    const rest = m[3] ?? '';
    const issues = this.issues.get(repo);
    const issueJson = (i: Issue): unknown => ({
      number: i.number, title: i.title, state: i.state, html_url: `https://github.com/${repo}/issues/${i.number}`,
      labels: i.labels, assignees: i.assignees, ...(i.pull ? { pull_request: { url: 'x' } } : {}),
    });
    if (method === 'GET' && rest === '/issues') {
      if (!issues) return [404, { message: 'Not Found' }];
      return [200, issues.filter((i) => i.state === (url.searchParams.get('state') ?? 'open')).map(issueJson)];
    }
    let im = /^\/issues\/(\d+)(\/comments)?$/.exec(rest);
    if (im) {
      const issue = issues?.find((i) => i.number === Number(im![1]));
      if (!issue) return [404, { message: 'Not Found' }];
      if (!im[2]) return [200, issueJson(issue)];
      const key = `${repo}#${issue.number}`;
      const list = this.comments.get(key) ?? [];
      if (method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? '1');
        const per = Number(url.searchParams.get('per_page') ?? '30');
        return [200, list.slice((page - 1) * per, page * per).map((c) => ({ id: c.id, body: c.body, user: { login: c.user } }))];
      }
      const comment = { id: this.nextId++, body: String(body?.body ?? ''), user: this.login };
      this.comments.set(key, [...list, comment]);
      return [201, { id: comment.id, body: comment.body, user: { login: comment.user } }];
    }
    const pulls = this.pulls.get(repo) ?? [];
    const pullJson = (pr: Pull): unknown => ({
      number: pr.number, title: pr.title, body: pr.body, draft: pr.draft, html_url: `https://github.com/${repo}/pull/${pr.number}`,
      user: { login: pr.user }, requested_reviewers: pr.requested.map((login) => ({ login })), requested_teams: [],
      head: { ref: pr.head }, base: { ref: pr.base },
    });
    if (rest === '/pulls' && method === 'GET') {
      const head = url.searchParams.get('head');
      return [200, pulls.filter((pr) => !head || `${m[1]}:${pr.head}` === head).map(pullJson)];
    }
    if (rest === '/pulls' && method === 'POST') {
      if (pulls.some((pr) => pr.head === body?.head)) return [422, { message: 'Validation Failed', errors: [{ message: `A pull request already exists for ${m[1]}:${String(body?.head)}.` }] }];
      const issueNumbers = (issues ?? []).map((i) => i.number);
      const number = Math.max(0, ...issueNumbers, ...pulls.map((x) => x.number)) + 1;
      const pr: Pull = { number, title: String(body?.title), body: String(body?.body ?? ''), head: String(body?.head), base: String(body?.base), draft: body?.draft === true, user: this.login, requested: [] };
      this.pulls.set(repo, [...pulls, pr]);
      return [201, pullJson(pr)];
    }
    const rm = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest);
    if (rm && method === 'POST') {
      const pr = pulls.find((x) => x.number === Number(rm[1]));
      if (!pr) return [404, { message: 'Not Found' }];
      const reviewers = (body?.reviewers as string[] | undefined) ?? [];
      if (reviewers.includes(pr.user)) return [422, { message: 'Review cannot be requested from pull request author.' }];
      pr.requested.push(...reviewers.filter((r) => !pr.requested.includes(r)));
      return [201, pullJson(pr)];
    }
    im = null;
    return [404, { message: 'Not Found' }];
  }
}
