/**
 * Pairs a source file with its tests by convention, and proposes where a
 * new test should go. Conventions are data (built-in defaults plus the
 * policy's own); their source globs are compiled once per check.
 */
import picomatch from 'picomatch';
import { compileRepositoryGlobs } from '../patterns/repositoryGlob';
import { BUILT_IN_CONVENTIONS, type ConventionSpec } from './conventions';
import { concretePaths, resolveTemplate, sourceVars, withName, type ResolvedTemplate, type SourceVars } from './template';
import { TestIndex } from './testIndex';
import { splitPath } from './paths';
import { normalisePathStem } from './stem';

export interface TestMatch {
  tests: string[];
  /** Id of the first convention that found a test. */
  convention?: string;
}

interface CompiledConvention {
  spec: ConventionSpec;
  appliesTo: (path: string) => boolean;
}

export interface MatcherOptions {
  /** The policy's conventions, tried before the built-in ones. */
  conventions?: readonly ConventionSpec[];
  /** Use the built-in conventions (default true). */
  builtIn?: boolean;
  /**
   * True when the tree holds a source file with this normalised stem: a
   * fallback (family) match such as `rendererTemplateRef.spec.ts` for
   * `renderer.ts` is dropped when `rendererTemplateRef.ts` exists.
   */
  hasSourceStem?: (stem: string) => boolean;
}

/**
 * Verbs an agent noun may come from (`parser` → `parse`, `renderer` →
 * `render`): the name without its "r", when that leaves a final "e", then
 * without "er". Short names (`user`) and "-eer" nouns have none.
 */
export function verbForms(name: string): string[] {
  if (name.length < 6 || !/[a-df-z]er$/.test(name)) return [];
  const out: string[] = [];
  if (name.slice(0, -1).endsWith('e')) out.push(name.slice(0, -1));
  out.push(name.slice(0, -2));
  return out;
}

/**
 * Pairs sources with tests of one index under one set of conventions.
 * Answers are remembered per source: a matcher kept with its index (see
 * TreeIndexMemo) answers a re-check of the same sources without resolving
 * templates again. Callers must not change the returned objects.
 */
export class TestMatcher {
  private readonly conventions: CompiledConvention[];

  private readonly hasSourceStem: (stem: string) => boolean;

  private readonly found = new Map<string, TestMatch>();

  private readonly suggested = new Map<string, { path: string; convention: string } | undefined>();

  constructor(
    private readonly index: TestIndex,
    options: MatcherOptions = {},
  ) {
    this.hasSourceStem = options.hasSourceStem ?? (() => false);
    const specs = [...(options.conventions ?? []), ...(options.builtIn === false ? [] : BUILT_IN_CONVENTIONS)];
    // The built-in globs are ours (and use "!(…)"); the policy's run on the linear-time matcher.
    const ours = (spec: ConventionSpec): boolean => BUILT_IN_CONVENTIONS.includes(spec);
    this.conventions = specs.map((spec) => ({
      spec,
      appliesTo: ours(spec) ? picomatch([...spec.sources], { dot: true }) : compileRepositoryGlobs(spec.sources),
    }));
  }

  /** Tests of `source` by the first conventions that know any. */
  find(source: string): TestMatch {
    let match = this.found.get(source);
    if (!match) this.found.set(source, (match = this.findNew(source)));
    return match;
  }

  private findNew(source: string): TestMatch {
    const vars = sourceVars(source);
    const found = new Set<string>();
    let convention = this.collectBy(source, vars, false, found);
    if (found.size === 0) convention = this.collectBy(source, vars, true, found);
    if (found.size === 0) convention = this.findByVerb(source, vars, found);
    return convention === undefined ? { tests: [...found].sort() } : { tests: [...found].sort(), convention };
  }

  /**
   * Adds to `found` the tests of `source` by every applicable convention
   * that is (or is not) a fallback; returns the id of the first that found
   * one. A fallback's tests that belong to a source of their own are left
   * out.
   */
  private collectBy(source: string, vars: SourceVars, fallback: boolean, found: Set<string>): string | undefined {
    let convention: string | undefined;
    for (const { spec, appliesTo } of this.conventions) {
      if (Boolean(spec.fallback) !== fallback || !appliesTo(source)) continue;
      const before = found.size;
      for (const template of spec.tests) this.collect(resolveTemplate(template, vars), source, found);
      if (fallback) this.dropOwnedElsewhere(source, found);
      if (found.size > before) convention ??= spec.id;
    }
    return convention;
  }

  /**
   * Last resort for a module named by an agent noun: `parser/index.ts` is
   * tested by `parse.spec.ts`, `compiler.ts` by `compile.test.ts`.
   */
  private findByVerb(source: string, vars: SourceVars, found: Set<string>): string | undefined {
    for (const name of verbForms(vars.name)) {
      const convention = this.collectBy(source, withName(vars, name), false, found);
      if (found.size > 0) return convention;
    }
    return undefined;
  }

  /**
   * Where a new test for `source` belongs: the first template's path whose
   * folder already holds tests named the same way, else the first path of
   * the first applicable convention.
   */
  suggest(source: string): { path: string; convention: string } | undefined {
    if (this.suggested.has(source)) return this.suggested.get(source);
    const suggestion = this.suggestNew(source);
    this.suggested.set(source, suggestion);
    return suggestion;
  }

  private suggestNew(source: string): { path: string; convention: string } | undefined {
    const vars = sourceVars(source);
    let first: { path: string; convention: string } | undefined;
    let best: { path: string; convention: string; score: number } | undefined;
    for (const { spec, appliesTo } of this.conventions) {
      if (spec.fallback || !appliesTo(source)) continue;
      for (const template of spec.tests) {
        for (const path of [...concretePaths(template, vars), ...this.mirrors(template, vars)]) {
          first ??= { path, convention: spec.id };
          const score = this.alike(path, template);
          if (score > (best?.score ?? 0)) best = { path, convention: spec.id, score };
        }
      }
    }
    return best ? { path: best.path, convention: best.convention } : first;
  }

  /**
   * Existing test folders a "**" template reaches that end in the source's
   * {path} (`src/core/x.ts` → `test/unit/core/x.test.ts`).
   */
  private mirrors(template: string, vars: SourceVars): string[] {
    const slash = template.lastIndexOf('/');
    if (!vars.path || slash < 0 || !template.includes('**')) return [];
    const dirPattern = resolveTemplate(`${template.slice(0, slash)}/{path}`, vars).regex;
    const [file] = concretePaths(template.slice(slash + 1), vars);
    if (!file) return [];
    const out: string[] = [];
    for (const dir of this.index.dirs()) if (dir.endsWith(vars.path) && dirPattern.test(dir)) out.push(`${dir}/${file}`);
    return out;
  }

  /** How many tests in the folder of `path` follow the template's naming. */
  private alike(path: string, template: string): number {
    const { dir } = splitPath(path);
    const siblings = this.index.inDir(dir);
    if (siblings.length === 0) return 0;
    const fileTemplate = template.slice(template.lastIndexOf('/') + 1);
    const pattern = resolveTemplate(fileTemplate.replace(/\{(?:name|Name)\}/g, '*'), sourceVars(path)).regex;
    let count = 0;
    for (const sibling of siblings) if (pattern.test(sibling.slice(sibling.lastIndexOf('/') + 1))) count++;
    return count;
  }

  private dropOwnedElsewhere(source: string, found: Set<string>): void {
    const own = normalisePathStem(source);
    for (const test of found) {
      const stem = normalisePathStem(test);
      if (stem !== own && this.hasSourceStem(stem)) found.delete(test);
    }
  }

  private collect(resolved: ResolvedTemplate, source: string, into: Set<string>): void {
    const { key, regex } = resolved;
    const candidates = key.kind === 'exact' ? this.index.exact(key.stem) : key.kind === 'prefix' ? this.index.withPrefix(key.prefix) : this.index.files;
    for (const candidate of candidates) if (candidate !== source && regex.test(candidate)) into.add(candidate);
  }
}
