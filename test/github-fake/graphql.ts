/**
 * The fake GitHub's GraphQL endpoint (`POST /graphql`, `/api/graphql` on
 * Enterprise Server). Every query is parsed and validated against GitHub's
 * published schema (@octokit/graphql-schema, built once per process), then
 * checked against GitHub's own limits (`first`/`last` on every connection,
 * 1–100, at most 500,000 nodes) and executed by graphql-js on that schema,
 * so the answer has exactly the shape the query asks for. Invalid queries
 * become violations and GitHub-shaped `errors`; fields the fake does not
 * model are violations too (graphqlModel.ts), never silent nulls.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  buildClientSchema, execute, GraphQLError, isInterfaceType, isObjectType, Kind, parse, validate, valueFromAST, getNamedType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLFieldResolver, type GraphQLSchema,
  type IntrospectionQuery, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { rootValue, type ModelContext } from './graphqlModel';
import type { FakeState } from './state';

let schema: GraphQLSchema | undefined;

/** GitHub's GraphQL schema, as @octokit/graphql-schema publishes it (its SDL repeats two fields, so the introspection JSON is the source). */
export function githubSchema(): GraphQLSchema {
  return (schema ??= buildClientSchema(JSON.parse(readFileSync(schemaJsonPath(), 'utf8')) as IntrospectionQuery));
}

function schemaJsonPath(): string {
  // The package exports only an ESM entry; find its folder the way Node resolves packages.
  for (const dir of require.resolve.paths('@octokit/graphql-schema') ?? []) {
    const file = path.join(dir, '@octokit', 'graphql-schema', 'schema.json');
    if (existsSync(file)) return file;
  }
  throw new Error('fake GitHub: @octokit/graphql-schema is not installed');
}

export interface GraphqlResult {
  status: number;
  body: { data?: unknown; errors?: GitHubGraphqlError[] } | Record<string, unknown>;
  /** Points this query cost (GitHub's formula), for the rate-limit headers. */
  cost: number;
  violations: string[];
}

export interface GitHubGraphqlError {
  message: string;
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** GitHub's GraphQL rate limit: points per hour, spent by cost. */
export class GraphqlBudget {
  readonly limit = 5000;
  used = 0;
  readonly resetAt = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
}

const MAX_NODES = 500_000;

/** Answers one GraphQL request body. */
export function answerGraphql(body: unknown, viewer: string, state: FakeState, baseUrl: string, budget: GraphqlBudget): GraphqlResult {
  const s = githubSchema();
  const request = body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (!request || typeof request.query !== 'string') {
    return invalid(['A query attribute must be specified and must be a string.'], []);
  }
  const variables = request.variables === undefined || request.variables === null ? {} : request.variables;
  if (typeof variables !== 'object' || Array.isArray(variables)) return invalid(['Variables are invalid JSON.'], []);
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (err) {
    const e = err as GraphQLError;
    return invalid([e.message], [{ message: e.message, ...(e.locations ? { locations: e.locations } : {}) }]);
  }
  const errors = validate(s, document);
  if (errors.length > 0) return invalid(errors.map(describe), errors.map((e) => githubError(e)));
  const operation = pickOperation(document, operationName);
  if (!operation) return invalid([`No operation named "${operationName ?? ''}"`], []);
  const limits = measure(s, document, operation, variables as Record<string, unknown>);
  if (limits.errors.length > 0) return invalid(limits.errors.map((e) => e.message), limits.errors);
  const cost = Math.max(1, Math.round(limits.requests / 100));
  const context: ModelContext = { state, viewer, baseUrl, cost, nodeCount: limits.nodes, budget, violations: [] };
  const result = execute({ schema: s, document, rootValue: rootValue(context), contextValue: context, variableValues: variables as Record<string, unknown>, ...(operationName ? { operationName } : {}), fieldResolver });
  if (result instanceof Promise) throw new Error('fake GitHub: GraphQL resolvers must be synchronous');
  const violations = [...context.violations];
  const out: GitHubGraphqlError[] = [];
  for (const e of result.errors ?? []) {
    const type = (e.originalError as { githubType?: string } | undefined)?.githubType;
    if (type !== 'NOT_FOUND') violations.push(`GraphQL execution: ${describe(e)}${e.path ? ` at ${e.path.join('.')}` : ''}`);
    out.push(githubError(e, type));
  }
  return { status: 200, body: { data: result.data ?? null, ...(out.length > 0 ? { errors: out } : {}) }, cost, violations };
}

function invalid(violations: string[], errors: GitHubGraphqlError[]): GraphqlResult {
  return {
    status: 200, cost: 1, violations: violations.map((v) => `GraphQL query invalid: ${v}`),
    body: { errors: errors.length > 0 ? errors : violations.map((message) => ({ message })) },
  };
}

function describe(e: GraphQLError): string {
  const at = e.locations?.[0];
  return at ? `${e.message} (${at.line}:${at.column})` : e.message;
}

function githubError(e: GraphQLError, type?: string): GitHubGraphqlError {
  return {
    ...(type ? { type } : {}), message: e.message,
    ...(e.path ? { path: e.path } : {}), ...(e.locations ? { locations: e.locations } : {}),
    ...(e.extensions && Object.keys(e.extensions).length > 0 ? { extensions: e.extensions } : {}),
  };
}

function pickOperation(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name === undefined ? (ops.length === 1 ? ops[0] : undefined) : ops.find((o) => o.name?.value === name);
}

/** A field of the model that is absent is a field the fake does not implement: say so instead of a silent null. */
const fieldResolver: GraphQLFieldResolver<unknown, ModelContext> = (source, args, context, info) => {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[info.fieldName] : undefined;
  if (value === undefined) {
    context.violations.push(`GraphQL: the fake does not implement ${info.parentType.name}.${info.fieldName} (add it to test/github-fake/graphqlModel.ts)`);
    return null;
  }
  return typeof value === 'function' ? (value as (a: unknown, c: unknown, i: unknown) => unknown).call(source, args, context, info) : value;
};

/**
 * GitHub's static limits and cost: every connection needs `first` or `last`
 * (1–100); a connection costs one request per node of the connections
 * around it; nodes multiply down the tree and may not exceed 500,000.
 */
function measure(s: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): { requests: number; nodes: number; errors: GitHubGraphqlError[] } {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = operation.operation === 'mutation' ? s.getMutationType() : s.getQueryType();
  const acc = { requests: 0, nodes: 0, errors: [] as GitHubGraphqlError[] };
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, multiplier: number, trail: string[], depth: number): void => {
    if (depth > 50) return; // validation already rejects fragment cycles; this bounds the walk regardless
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const t = f ? s.getType(f.typeCondition.name.value) : undefined;
        if (f && t) walk(f.selectionSet, t as GraphQLCompositeType, multiplier, trail, depth + 1);
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, (sel.typeCondition ? s.getType(sel.typeCondition.name.value) : type) as GraphQLCompositeType, multiplier, trail, depth + 1);
        continue;
      }
      if (!sel.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
      const def = type.getFields()[sel.name.value];
      if (!def) continue;
      const named = getNamedType(def.type) as GraphQLCompositeType;
      const here = [...trail, sel.alias?.value ?? sel.name.value];
      let inner = multiplier;
      if ((isObjectType(named) || isInterfaceType(named)) && named.name.endsWith('Connection') && 'pageInfo' in named.getFields()) {
        const arg = (name: string): unknown => {
          const node = sel.arguments?.find((a) => a.name.value === name);
          const argDef = def.args.find((a) => a.name === name);
          return node && argDef ? valueFromAST(node.value, argDef.type, variables) : undefined;
        };
        const size = (arg('first') ?? arg('last')) as number | null | undefined;
        const at = { path: here, locations: sel.loc ? [{ line: sel.loc.startToken.line, column: sel.loc.startToken.column }] : [] };
        if (typeof size !== 'number') {
          acc.errors.push({ type: 'MISSING_PAGINATION_BOUNDARIES', ...at, message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.` });
          continue;
        }
        if (size < 0 || size > 100) {
          acc.errors.push({ type: 'EXCESSIVE_PAGINATION', ...at, message: `Requesting ${size} records on the \`${sel.name.value}\` connection exceeds the \`${arg('first') !== undefined ? 'first' : 'last'}\` limit of 100 records.` });
          continue;
        }
        acc.requests += multiplier;
        inner = multiplier * size;
        acc.nodes += inner;
      }
      walk(sel.selectionSet, named, inner, here, depth + 1);
    }
  };
  if (root) walk(operation.selectionSet, root, 1, [], 0);
  if (acc.nodes > MAX_NODES) acc.errors.push({ type: 'MAX_NODE_LIMIT_EXCEEDED', message: `This query requests up to ${acc.nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.` });
  return acc;
}
