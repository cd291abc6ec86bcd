/**
 * A stateful fake GitHub REST API on 127.0.0.1 that checks every request it
 * receives and every response it sends against GitHub's OpenAPI description
 * (contract.ts), recording each mismatch in `violations`. It serves ETags
 * and 304s, GitHub's rate-limit headers, Link pagination, and injected
 * faults (status codes, rate limits, connection resets, hangs, Link
 * headers that never end).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ContractValidator, type MatchedOperation } from './contract';
import { answerGraphql, GraphqlBudget, githubSchema } from './graphql';
import { Renderer } from './payloads';
import { ROUTES, HttpError, errorBody, type RouteResult } from './routes';
import { loadScenario, readScenario } from './scenario';
import { FakeState } from './state';

export type Fault =
  | { kind: 'status'; status: number; message?: string; errors?: HttpError['errors']; headers?: Record<string, string> }
  /** Primary rate limit: 403 (or 429) with x-ratelimit-remaining: 0 and a reset time. */
  | { kind: 'rateLimit'; status?: 403 | 429; resetInSeconds?: number }
  /** Secondary rate limit: 403 with retry-after. */
  | { kind: 'secondaryRateLimit'; retryAfterSeconds?: number }
  /** Destroy the connection without answering. */
  | { kind: 'reset' }
  /** Never answer (the client's timeout must fire). */
  | { kind: 'hang' }
  /**
   * Answer normally, with a `Link: rel="next"` that never ends: `self` names
   * this very URL, `cycle` alternates page=1 and page=2, `endless` always
   * names the next page number (past the data: empty pages).
   */
  | { kind: 'linkLoop'; mode: 'self' | 'cycle' | 'endless' };

export interface FaultRule {
  method?: string;
  /** Matched against the path (without /api/v3 and query). */
  path: RegExp;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  fault: Fault;
}

export interface FakeCounters {
  total: number;
  notModified: number;
  /** Per `METHOD /template`. */
  byRoute: Record<string, number>;
}

let sharedValidator: ContractValidator | undefined;

export class FakeGitHub {
  readonly state = new FakeState();
  /** Contract violations seen so far (requests and responses). Tests assert it is empty. */
  readonly violations: string[] = [];
  readonly counters: FakeCounters = { total: 0, notModified: 0, byRoute: {} };
  /** Milliseconds spent validating requests and responses, and handling in total (for reports). */
  readonly timing = { validationMs: 0, handlingMs: 0 };
  /** Every request, for assertions: method, path, status. */
  readonly requests: { method: string; path: string; status: number | 'reset' | 'hang' }[] = [];
  private readonly faults: (FaultRule & { left: number })[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly validator: ContractValidator;
  private server: Server | undefined;
  private baseUrl = '';
  private rateRemaining = 5000;
  /** GraphQL's own rate limit (points, spent by each query's cost). */
  readonly graphqlBudget = new GraphqlBudget();

  private readonly port: number;

  /** `port` 0 (default) picks a free one: tests always use 0. */
  constructor(options: { validator?: ContractValidator; port?: number } = {}) {
    // Compiling the contract is the slow part; share it across fakes in a process.
    this.validator = options.validator ?? (sharedValidator ??= new ContractValidator());
    this.port = options.port ?? 0;
  }

  /** Compile the whole contract once per process (call in a `before` hook with a generous timeout). */
  static warmUp(): number {
    const started = performance.now();
    (sharedValidator ??= new ContractValidator()).warmUp();
    githubSchema();
    return performance.now() - started;
  }

  /** `http://127.0.0.1:PORT`: pass as the client's baseUrl. */
  get url(): string {
    if (!this.baseUrl) throw new Error('fake GitHub: call start() first');
    return this.baseUrl;
  }

  /**
   * Starts listening. `scenario` (a scenario value or JSON text) or
   * `scenarioFile` seeds the state first; `vars` fill its `{{name}}` placeholders.
   */
  async start(options: { scenario?: unknown; scenarioFile?: string; vars?: Record<string, string> } = {}): Promise<this> {
    if (options.scenarioFile !== undefined) loadScenario(this.state, readScenario(options.scenarioFile, options.vars));
    if (options.scenario !== undefined) loadScenario(this.state, options.scenario, options.vars);
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`fake GitHub crashed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('fake GitHub: no port');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Inject a fault for the next `times` requests matching method + path. */
  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const rule = this.faults.find((f) => f.left > 0 && (!f.method || f.method.toUpperCase() === method) && f.path.test(path));
    if (!rule) return undefined;
    rule.left--;
    return rule.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    try {
      await this.dispatch(req, res);
    } finally {
      this.timing.handlingMs += performance.now() - started;
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    const raw = await readBody(req);
    this.counters.total++;
    if (url.pathname === '/graphql' || url.pathname === '/api/graphql') return this.graphql(req, res, method, raw);
    const match = this.validator.match(method, path);
    const routeKey = match ? `${method} ${match.template}` : `${method} ${path}`;
    this.counters.byRoute[routeKey] = (this.counters.byRoute[routeKey] ?? 0) + 1;
    if (!match) {
      this.violations.push(`${method} ${path}: not an operation of the contract subset`);
      return this.send(req, res, undefined, { status: 404, body: errorBody(404, 'Not Found') }, path);
    }
    let body: unknown;
    // A release asset's body is the file itself (GitHub's application/octet-stream operation), not JSON.
    const binary = match.operationId === 'repos/upload-release-asset';
    if (raw.length > 0 && !binary) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${routeKey} request: body is not JSON`);
        return this.send(req, res, match, { status: 400, body: errorBody(400, 'Problems parsing JSON') }, path);
      }
    }
    const validating = performance.now();
    const problems = this.validator.validateRequest(match, url.searchParams, body);
    this.timing.validationMs += performance.now() - validating;
    if (problems.length > 0) {
      this.violations.push(...problems);
      return this.send(req, res, match, { status: 422, body: errorBody(422, `Invalid request.\n\n${problems.join('\n')}`) }, path);
    }
    const fault = this.takeFault(method, path);
    if (fault?.kind === 'reset') {
      this.requests.push({ method, path, status: 'reset' });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      this.requests.push({ method, path, status: 'hang' });
      return; // never answer; stop() destroys the socket
    }
    if (fault && fault.kind !== 'linkLoop') return this.send(req, res, match, this.faultResult(fault), path);
    const viewer = this.authenticate(req);
    if (typeof viewer !== 'string') return this.send(req, res, match, viewer, path);
    const handler = ROUTES[`${method} ${match.template}`];
    if (!handler) {
      this.violations.push(`${routeKey}: in the contract subset but the fake has no handler`);
      return this.send(req, res, match, { status: 501, body: errorBody(501, 'Not Implemented') }, path);
    }
    let result: RouteResult;
    try {
      result = handler({ params: match.params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, viewer, state: this.state, render: new Renderer(this.state, url.pathname === path ? this.baseUrl : `${this.baseUrl}/api/v3`), selfUrl: `${this.baseUrl}${url.pathname}`,
        ...(binary ? { raw, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') } : {}) });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      result = { status: err.status, body: errorBody(err.status, err.message, err.errors) };
    }
    if (fault?.kind === 'linkLoop') result = { ...result, headers: { ...result.headers, link: loopingLink(`${this.baseUrl}${url.pathname}`, url.searchParams, fault.mode) } };
    return this.send(req, res, match, result, path);
  }

  /** `POST /graphql`: every query validated against GitHub's schema; faults apply with path `/graphql`. */
  private graphql(req: IncomingMessage, res: ServerResponse, method: string, raw: string): void {
    const path = '/graphql';
    this.counters.byRoute[`${method} ${path}`] = (this.counters.byRoute[`${method} ${path}`] ?? 0) + 1;
    if (method !== 'POST') {
      this.violations.push(`${method} /graphql: GitHub's GraphQL API answers POST only`);
      return this.send(req, res, undefined, { status: 404, body: errorBody(404, 'Not Found') }, path);
    }
    const fault = this.takeFault(method, path);
    if (fault?.kind === 'reset' || fault?.kind === 'hang') {
      this.requests.push({ method, path, status: fault.kind });
      if (fault.kind === 'reset') req.socket.destroy();
      return;
    }
    if (fault && fault.kind !== 'linkLoop') return this.send(req, res, undefined, this.faultResult(fault), path);
    const viewer = this.authenticate(req);
    if (typeof viewer !== 'string') {
      return this.send(req, res, undefined, { status: 401, body: { message: 'This endpoint requires you to be authenticated.', documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql' } }, path);
    }
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      this.violations.push('POST /graphql request: body is not JSON');
      return this.send(req, res, undefined, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } }, path);
    }
    const validating = performance.now();
    const answer = answerGraphql(body, viewer, this.state, this.baseUrl, this.graphqlBudget);
    this.timing.validationMs += performance.now() - validating;
    this.violations.push(...answer.violations);
    this.graphqlBudget.used += answer.cost;
    const budget = this.graphqlBudget;
    return this.send(req, res, undefined, { status: answer.status, body: answer.body, headers: {
      'x-ratelimit-limit': String(budget.limit), 'x-ratelimit-remaining': String(budget.remaining), 'x-ratelimit-used': String(budget.used),
      'x-ratelimit-reset': String(Math.floor(Date.parse(budget.resetAt) / 1000)), 'x-ratelimit-resource': 'graphql',
    } }, path);
  }

  private authenticate(req: IncomingMessage): string | RouteResult {
    const header = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(header)?.[1];
    if (!token) return { status: 401, body: errorBody(401, 'Requires authentication') };
    if (this.state.tokens.size === 0) return this.state.viewer;
    const login = this.state.tokens.get(token);
    return login ?? { status: 401, body: errorBody(401, 'Bad credentials') };
  }

  private faultResult(fault: Exclude<Fault, { kind: 'reset' | 'hang' | 'linkLoop' }>): RouteResult {
    const now = Math.floor(Date.now() / 1000);
    if (fault.kind === 'rateLimit') {
      const status = fault.status ?? 403;
      return { status, body: errorBody(status, 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.'), headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + (fault.resetInSeconds ?? 3600)) } };
    }
    if (fault.kind === 'secondaryRateLimit') {
      return { status: 403, body: errorBody(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'), headers: { 'retry-after': String(fault.retryAfterSeconds ?? 60) } };
    }
    return { status: fault.status, body: errorBody(fault.status, fault.message ?? defaultMessage(fault.status), fault.errors), ...(fault.headers ? { headers: fault.headers } : {}) };
  }

  private send(req: IncomingMessage, res: ServerResponse, match: MatchedOperation | undefined, result: RouteResult, path: string): void {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': createHash('sha1').update(`${this.counters.total}`).digest('hex').slice(0, 16).toUpperCase(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.rateRemaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...result.headers,
    };
    let status = result.status;
    let text = result.body === undefined ? '' : JSON.stringify(result.body);
    if (req.method === 'GET' && status === 200) {
      const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        status = 304;
        text = '';
        this.counters.notModified++;
      }
    }
    // GitHub does not count 304s against the rate limit.
    if (status !== 304 && this.rateRemaining > 0 && result.headers?.['x-ratelimit-resource'] !== 'graphql') this.rateRemaining--;
    if (match) {
      const validating = performance.now();
      this.violations.push(...this.validator.validateResponse(match, status, text === '' ? undefined : (JSON.parse(text) as unknown)));
      this.timing.validationMs += performance.now() - validating;
    }
    this.requests.push({ method: req.method ?? 'GET', path, status });
    if (status === 304) delete headers['content-type'];
    res.writeHead(status, headers);
    res.end(text);
  }
}

/** The `rel="next"` of a linkLoop fault for a request to `self` with `query`. */
function loopingLink(self: string, query: URLSearchParams, mode: 'self' | 'cycle' | 'endless'): string {
  const next = new URLSearchParams(query);
  const page = Number(query.get('page') ?? '1') || 1;
  if (mode === 'cycle') next.set('page', page === 1 ? '2' : '1');
  if (mode === 'endless') next.set('page', String(page + 1));
  const text = next.toString();
  return `<${self}${text ? `?${text}` : ''}>; rel="next"`;
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Bad credentials';
  if (status === 403) return 'Resource not accessible by personal access token';
  if (status === 404) return 'Not Found';
  if (status === 422) return 'Validation Failed';
  if (status >= 500) return 'Server Error';
  return 'Error';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export { FakeState };
