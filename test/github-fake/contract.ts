/**
 * Validates requests and responses against the committed subset of GitHub's
 * official OpenAPI description (see scripts/extract-openapi.mjs). Ajv does
 * the schema work; this file handles the OpenAPI wrinkles: `nullable: true`
 * becomes a null union, `$ref`s to components are made absolute, path
 * parameters marked `x-multi-segment` (branch names, refs) may contain `/`,
 * and error statuses the spec does not list fall back to `basic-error`.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import subsetJson from './openapi/api.github.com.subset.json';

type Json = Record<string, unknown>;
interface Parameter { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Json; 'x-multi-segment'?: boolean }
interface Operation { operationId: string; parameters?: Json[]; requestBody?: Json; responses: Record<string, Json> }

export interface MatchedOperation {
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/pulls`. */
  template: string;
  operationId: string;
  params: Record<string, string>;
}

const BASE = 'https://fake.github.test/openapi';
const spec = subsetJson as unknown as { info: { version: string; 'x-extracted-from': string }; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, Json>> };

/** Where the contract came from, for reports. */
export const contractSource = `${spec.info['x-extracted-from']} (GitHub API ${spec.info.version})`;

export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; template: string; regex: RegExp; names: string[]; op: Operation }[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: BASE, components: { schemas: convert(spec.components.schemas) } });
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = this.parameters(op);
        const names: string[] = [];
        const source = template.replace(/[.]/g, '\\.').replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          return params.find((p) => p.name === name)?.['x-multi-segment'] ? '(.+?)' : '([^/]+)';
        });
        this.routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${source}$`), names, op });
      }
    }
    // Fixed segments first, so /pulls/{n}/reviews never matches a multi-segment param greedily.
    this.routes.sort((a, b) => b.template.split('{').length - a.template.split('{').length || b.template.length - a.template.length);
  }

  /** The operation a request addresses, or undefined when the subset does not describe it. */
  match(method: string, pathname: string): MatchedOperation | undefined {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const m = route.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { method: route.method, template: route.template, operationId: route.op.operationId, params };
    }
    return undefined;
  }

  /** Contract violations of a request (empty when it conforms). */
  validateRequest(match: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const op = this.operation(match);
    const where = `${match.method} ${match.template} request`;
    const problems: string[] = [];
    const params = this.parameters(op);
    for (const p of params.filter((x) => x.in === 'path')) {
      problems.push(...this.check(`path:${match.operationId}:${p.name}`, p.schema, coerce(p.schema, match.params[p.name]), `${where} path parameter ${p.name}`));
    }
    for (const key of new Set(query.keys())) {
      const p = params.find((x) => x.in === 'query' && x.name === key);
      if (!p) problems.push(`${where}: query parameter "${key}" is not in the contract`);
      else problems.push(...this.check(`query:${match.operationId}:${key}`, p.schema, coerce(p.schema, query.get(key) ?? ''), `${where} query parameter ${key}`));
    }
    for (const p of params.filter((x) => x.in === 'query' && x.required)) {
      if (!query.has(p.name)) problems.push(`${where}: required query parameter "${p.name}" is missing`);
    }
    const content = (op.requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (body !== undefined && !content) problems.push(`${where}: the operation takes no body`);
    if (body === undefined && op.requestBody?.required) problems.push(`${where}: a JSON body is required`);
    if (body !== undefined && content?.schema) problems.push(...this.check(`body:${match.operationId}`, content.schema as Json, body, `${where} body`));
    return problems;
  }

  /** Contract violations of a response (empty when it conforms). */
  validateResponse(match: MatchedOperation, status: number, body: unknown): string[] {
    const op = this.operation(match);
    const where = `${match.method} ${match.template} response ${status}`;
    if (status === 304) return body === undefined ? [] : [`${where}: a 304 has no body`];
    let response = op.responses[String(status)] ?? op.responses.default;
    if (response?.$ref) response = this.resolve(response.$ref as string);
    if (!response) {
      if (status < 400) return [`${where}: status ${status} is not documented for ${match.operationId}`];
      // The spec lists few error statuses; GitHub's error body is basic-error.
      return this.check('basic-error', { $ref: '#/components/schemas/basic-error' }, body, where);
    }
    const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
    if (!schema && status >= 400 && body !== undefined) {
      // Documented without content (e.g. 422 of requested_reviewers); GitHub still sends basic-error.
      return this.check('basic-error', { $ref: '#/components/schemas/basic-error' }, body, where);
    }
    if (!schema) return body === undefined || body === '' ? [] : [`${where}: the contract documents no body`];
    return this.check(`response:${match.operationId}:${status}`, schema, body, where);
  }

  /** Compile every schema now (about a second), so the first requests are not slowed by compilation. */
  warmUp(): void {
    for (const route of this.routes) {
      const match = { method: route.method, template: route.template, operationId: route.op.operationId, params: {} };
      for (const status of Object.keys(route.op.responses)) if (/^\d+$/.test(status)) this.validateResponse(match, Number(status), null);
      const content = (route.op.requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
      if (content?.schema) this.check(`body:${route.op.operationId}`, content.schema as Json, null, '');
    }
    this.check('basic-error', { $ref: '#/components/schemas/basic-error' }, null, '');
  }

  private operation(match: MatchedOperation): Operation {
    const op = spec.paths[match.template]?.[match.method.toLowerCase()];
    if (!op) throw new Error(`no operation ${match.method} ${match.template}`);
    return op;
  }

  private parameters(op: Operation): Parameter[] {
    return (op.parameters ?? []).map((p) => (p.$ref ? this.resolve(p.$ref as string) : p) as unknown as Parameter);
  }

  private resolve(ref: string): Json {
    const [, , kind, name] = ref.split('/');
    const found = spec.components[kind ?? '']?.[name ?? ''];
    if (!found) throw new Error(`dangling ${ref}`);
    return found;
  }

  private check(key: string, schema: Json, value: unknown, where: string): string[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(convert(schema) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
}

/** Path and query values arrive as strings; give the validator the typed value. */
function coerce(schema: Json, raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/** OpenAPI 3.0 → JSON Schema for Ajv: nullable unions and absolute refs. */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) out.$ref = `${BASE}${value}`;
    else if (key === 'properties' && value && typeof value === 'object') out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, convert(v)]));
    else out[key] = convert(value);
  }
  if ((node as Json).nullable !== true) return out;
  if (typeof out.type === 'string' && !out.$ref && !out.allOf && !out.oneOf && !out.anyOf) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}
