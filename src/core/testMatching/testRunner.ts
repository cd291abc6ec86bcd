/**
 * Which test runner a new test file should be written for, from the
 * repository's own files: "Create Test File" must write a mocha test into
 * a mocha repository, not a Jest one. Pure: the adapter lists the tree,
 * asks `runnerConfigFiles` which few small files to read (each bounded to
 * MAX_RUNNER_CONFIG_BYTES) and hands their text back. Everything here is
 * untrusted input: only own properties and substring or anchored-literal
 * tests are used, and the work is linear in the tree and the texts.
 *
 * Order of evidence, per language: the nearest config file that names a
 * runner (package.json, pyproject.toml, pom.xml, a .csproj, …) or a
 * runner's own config file (jest.config.js, .mocharc.json, pytest.ini, …);
 * then the imports of the nearest existing test of the same language;
 * then the language's usual runner.
 */
import { splitPath } from './paths';

/** The runners a stub can be written for. */
export type TestRunner =
  | 'mocha' | 'jest' | 'vitest' | 'node:test'
  | 'pytest' | 'unittest'
  | 'go'
  | 'junit4' | 'junit5'
  | 'rspec' | 'minitest'
  | 'xunit' | 'nunit'
  | 'cargo'
  | 'phpunit';

/** Every runner, for tests and docs. */
export const TEST_RUNNERS: readonly TestRunner[] = [
  'mocha', 'jest', 'vitest', 'node:test', 'pytest', 'unittest', 'go', 'junit4', 'junit5', 'rspec', 'minitest', 'xunit', 'nunit', 'cargo', 'phpunit',
];

type Language = 'js' | 'python' | 'go' | 'jvm' | 'ruby' | 'dotnet' | 'rust' | 'php';

const LANGUAGE_OF: Record<string, Language> = {
  ts: 'js', tsx: 'js', mts: 'js', cts: 'js', js: 'js', jsx: 'js', mjs: 'js', cjs: 'js',
  py: 'python', go: 'go', java: 'jvm', kt: 'jvm', kts: 'jvm', groovy: 'jvm', scala: 'jvm',
  rb: 'ruby', cs: 'dotnet', fs: 'dotnet', vb: 'dotnet', rs: 'rust', php: 'php',
};

/** Largest part of a config file or test read, in characters. */
export const MAX_RUNNER_CONFIG_BYTES = 256 * 1024;
/** Config files read at most for one decision. */
export const MAX_RUNNER_CONFIG_FILES = 12;

/** Files whose text names the runner, by language (the nearest of each name is read). */
const CONTENT_CONFIGS: Record<Language, readonly string[]> = {
  js: ['package.json'],
  python: ['pyproject.toml', 'setup.cfg', 'tox.ini', 'requirements-dev.txt', 'requirements.txt', 'Pipfile'],
  go: [],
  jvm: ['pom.xml', 'build.gradle', 'build.gradle.kts'],
  ruby: ['Gemfile'],
  dotnet: [],
  rust: [],
  php: [],
};

/** A runner's own config file: its presence (nearest folder first) decides. */
const PRESENCE: readonly { language: Language; runner: TestRunner; name: RegExp }[] = [
  { language: 'js', runner: 'vitest', name: /^vitest\.(?:config|workspace)\.[cm]?[jt]s$/ },
  { language: 'js', runner: 'jest', name: /^jest\.config\.(?:[cm]?[jt]s|json)$/ },
  { language: 'js', runner: 'mocha', name: /^\.mocharc(?:\.(?:json|jsonc|js|cjs|mjs|ya?ml))?$/ },
  { language: 'python', runner: 'pytest', name: /^(?:pytest\.ini|conftest\.py)$/ },
  { language: 'ruby', runner: 'rspec', name: /^(?:\.rspec|spec_helper\.rb)$/ },
  { language: 'ruby', runner: 'minitest', name: /^test_helper\.rb$/ },
];

/** What the adapter read. */
export interface RunnerEvidence {
  /** The tree (`git ls-files`): only names are looked at. */
  files: readonly string[];
  /** Texts of the files `runnerConfigFiles` asked for, by path (missing ones left out). */
  configs: ReadonlyMap<string, string>;
}

export interface RunnerChoice {
  runner: TestRunner;
  /** Why, for the log and the tooltip: "package.json lists mocha". */
  reason: string;
}

function languageOf(path: string): Language | undefined {
  const ext = splitPath(path).ext;
  return Object.hasOwn(LANGUAGE_OF, ext) ? LANGUAGE_OF[ext] : undefined;
}

/** Folders from the file's own up to the root ('' last). */
function ancestors(path: string): string[] {
  const out: string[] = [];
  let dir = splitPath(path).dir;
  for (;;) {
    out.push(dir);
    if (dir === '') return out;
    const slash = dir.lastIndexOf('/');
    dir = slash < 0 ? '' : dir.slice(0, slash);
  }
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Index of the tree: folder → names in it. One pass. */
function folderIndex(files: readonly string[], wanted: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const file of files) {
    const { dir, base } = splitPath(file);
    if (!wanted.has(dir)) continue;
    const names = index.get(dir);
    if (names) names.push(base);
    else index.set(dir, [base]);
  }
  return index;
}

/** The project files (.csproj and the like) of the nearest folder that has one. */
function nearestProjectFiles(index: Map<string, string[]>, dirs: readonly string[]): string[] {
  for (const dir of dirs) {
    const found = (index.get(dir) ?? []).filter((n) => /\.(?:csproj|fsproj|vbproj)$/i.test(n)).map((n) => join(dir, n));
    if (found.length > 0) return found.slice(0, 4);
  }
  return [];
}

/**
 * The config files to read for a new test at `testPath` (at most
 * MAX_RUNNER_CONFIG_FILES): the nearest of each content config of its
 * language, the nearest project file, and the nearest existing test of the
 * same language (its imports are the fallback evidence).
 */
export function runnerConfigFiles(testPath: string, files: readonly string[], isTest: (path: string) => boolean): string[] {
  const language = languageOf(testPath);
  if (!language) return [];
  const dirs = ancestors(testPath);
  const index = folderIndex(files, new Set(dirs));
  const out: string[] = [];
  for (const name of CONTENT_CONFIGS[language]) {
    const dir = dirs.find((d) => (index.get(d) ?? []).includes(name));
    if (dir !== undefined) out.push(join(dir, name));
  }
  if (language === 'dotnet') out.push(...nearestProjectFiles(index, dirs));
  const near = nearestTest(testPath, files, isTest);
  if (near) out.push(near);
  return out.slice(0, MAX_RUNNER_CONFIG_FILES);
}

/** Length of the common folder prefix of two paths, in segments. */
function sharedDepth(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}

/** The existing test of the same language that shares the most folders with `testPath`. */
export function nearestTest(testPath: string, files: readonly string[], isTest: (path: string) => boolean): string | undefined {
  const language = languageOf(testPath);
  let best: string | undefined;
  let bestDepth = -1;
  for (const file of files) {
    if (file === testPath || languageOf(file) !== language || !isTest(file)) continue;
    const depth = sharedDepth(testPath, file);
    if (depth > bestDepth) {
      best = file;
      bestDepth = depth;
    }
  }
  return best;
}

/** Own string-keyed dependencies and the test script of a package.json text. */
function packageJson(text: string): { deps: Set<string>; testScript: string; keys: Set<string> } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A broken package.json says nothing about the runner; other evidence decides.
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const deps = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const list = Object.hasOwn(record, field) ? record[field] : undefined;
    if (typeof list === 'object' && list !== null && !Array.isArray(list)) for (const key of Object.keys(list)) deps.add(key);
  }
  const scripts = Object.hasOwn(record, 'scripts') ? record.scripts : undefined;
  const test = typeof scripts === 'object' && scripts !== null && Object.hasOwn(scripts, 'test') ? (scripts as Record<string, unknown>).test : undefined;
  return { deps, testScript: typeof test === 'string' ? test : '', keys: new Set(Object.keys(record)) };
}

function fromPackageJson(text: string): TestRunner | undefined {
  const pkg = packageJson(text);
  if (!pkg) return undefined;
  if (pkg.deps.has('vitest')) return 'vitest';
  if (pkg.deps.has('jest') || pkg.deps.has('ts-jest') || pkg.deps.has('@jest/globals') || pkg.keys.has('jest')) return 'jest';
  if (pkg.deps.has('mocha')) return 'mocha';
  const script = pkg.testScript;
  if (/\bvitest\b/.test(script)) return 'vitest';
  if (/\bjest\b/.test(script)) return 'jest';
  if (/\bmocha\b/.test(script)) return 'mocha';
  if (/(?:^|\s)--test(?:\s|$|=)/.test(script)) return 'node:test';
  return undefined;
}

function fromContent(language: Language, text: string): TestRunner | undefined {
  switch (language) {
    case 'js':
      return fromPackageJson(text);
    case 'python':
      if (/\[tool[.:]pytest|^\[pytest\]|\bpytest\b/m.test(text)) return 'pytest';
      return undefined;
    case 'jvm':
      if (/junit-jupiter|org\.junit\.jupiter|useJUnitPlatform/.test(text)) return 'junit5';
      if (/junit:junit|<artifactId>junit<\/artifactId>|\bjunit\b/.test(text)) return 'junit4';
      return undefined;
    case 'ruby':
      if (/\brspec\b/.test(text)) return 'rspec';
      if (/\bminitest\b/.test(text)) return 'minitest';
      return undefined;
    case 'dotnet':
      if (/\bxunit\b/i.test(text)) return 'xunit';
      if (/\bnunit\b/i.test(text)) return 'nunit';
      return undefined;
    default:
      return undefined;
  }
}

/** The runner an existing test's imports name. */
function fromImports(language: Language, text: string): TestRunner | undefined {
  switch (language) {
    case 'js':
      if (/['"]vitest['"]/.test(text)) return 'vitest';
      if (/['"]node:test['"]/.test(text)) return 'node:test';
      if (/['"]@jest\/globals['"]|\bjest\.(?:fn|mock|spyOn)\b/.test(text)) return 'jest';
      if (/['"]mocha['"]|['"]chai['"]|\)\.to\.(?:be|equal|eql|deep|have|throw)\b|\bsuite\(/.test(text)) return 'mocha';
      if (/\)\.(?:toBe|toEqual|toThrow)\(|\btest\(/.test(text)) return 'jest';
      return undefined;
    case 'python':
      if (/^[ \t]*(?:import|from)[ \t]+pytest\b/m.test(text)) return 'pytest';
      if (/^[ \t]*(?:import|from)[ \t]+unittest\b/m.test(text)) return 'unittest';
      return undefined;
    case 'jvm':
      if (/org\.junit\.jupiter/.test(text)) return 'junit5';
      if (/org\.junit\.(?:Test|Assert|Before|After|runner)\b/.test(text)) return 'junit4';
      return undefined;
    case 'ruby':
      if (/\bRSpec\b|^[ \t]*(?:describe|context)[ \t].*\bdo[ \t]*$/m.test(text)) return 'rspec';
      if (/\bMinitest\b|minitest/.test(text)) return 'minitest';
      return undefined;
    case 'dotnet':
      if (/using\s+Xunit\b/.test(text)) return 'xunit';
      if (/using\s+NUnit\b/.test(text)) return 'nunit';
      return undefined;
    default:
      return undefined;
  }
}

const DEFAULT_RUNNER: Record<Language, TestRunner> = {
  js: 'node:test', python: 'pytest', go: 'go', jvm: 'junit5', ruby: 'rspec', dotnet: 'xunit', rust: 'cargo', php: 'phpunit',
};

function clip(text: string): string {
  return text.length > MAX_RUNNER_CONFIG_BYTES ? text.slice(0, MAX_RUNNER_CONFIG_BYTES) : text;
}

/**
 * The runner for a new test at `testPath`, or undefined for a language
 * without stub templates. `isTest` is the policy's classifier.
 */
export function detectRunner(testPath: string, evidence: RunnerEvidence, isTest: (path: string) => boolean): RunnerChoice | undefined {
  const language = languageOf(testPath);
  if (!language) return undefined;
  if (language === 'go' || language === 'rust' || language === 'php') return { runner: DEFAULT_RUNNER[language], reason: `the ${language === 'go' ? 'go test' : language === 'rust' ? 'cargo test' : 'PHPUnit'} convention` };
  const base = splitPath(testPath).base;
  if (language === 'ruby' && /_spec\.rb$/.test(base)) return { runner: 'rspec', reason: `${base} is an RSpec file name` };
  const dirs = ancestors(testPath);
  const index = folderIndex(evidence.files, new Set(dirs));
  const configNames = new Set(CONTENT_CONFIGS[language]);
  // Nearest folder first: a package's own config beats the repository root's.
  for (const dir of dirs) {
    const names = index.get(dir) ?? [];
    for (const p of PRESENCE) {
      if (p.language === language && names.some((n) => p.name.test(n))) return { runner: p.runner, reason: `${join(dir, names.find((n) => p.name.test(n)) as string)} exists` };
    }
    for (const name of names) {
      const isProject = language === 'dotnet' && /\.(?:csproj|fsproj|vbproj)$/i.test(name);
      if (!configNames.has(name) && !isProject) continue;
      const text = evidence.configs.get(join(dir, name));
      const runner = text === undefined ? undefined : fromContent(language, clip(text));
      if (runner) return { runner, reason: `${join(dir, name)} names ${runner}` };
    }
  }
  const near = nearestTest(testPath, evidence.files, isTest);
  const nearText = near === undefined ? undefined : evidence.configs.get(near);
  const imported = nearText === undefined ? undefined : fromImports(language, clip(nearText));
  if (near && imported) return { runner: imported, reason: `the nearest test, ${near}, uses ${imported}` };
  if (language === 'ruby' && /^test_|_test\.rb$/.test(base)) return { runner: 'minitest', reason: `${base} is a minitest file name` };
  return { runner: DEFAULT_RUNNER[language], reason: 'no runner named in the repository: the usual one' };
}
