import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { HOOK_PARTS, HookLoader, cacheHeader, validCachedData } from '../../../src/cli/hook/loader';
import { HOOK_ENTRY_FILES } from '../../../src/core/hook';
import { MEMO_ENTRIES, memoisedPolicy } from '../../../src/cli/hook/policyMemo';
import { parsePolicy, type ParsedPolicy } from '../../../src/core/policy/parsePolicy';

describe('the hook\'s code cache header', () => {
  const data = Buffer.from('bytecode');
  const cache = Buffer.concat([Buffer.from(`${cacheHeader(0xabc, 10, crc32(data))}\n`), data]);

  it('hands back the data when node, bundle and data all match', () => {
    assert.deepEqual(validCachedData(cache, 0xabc, 10), data);
  });

  it('refuses another bundle, a corrupt data block, a truncated file and no header', () => {
    assert.equal(validCachedData(cache, 0xabd, 10), undefined);
    assert.equal(validCachedData(cache, 0xabc, 11), undefined);
    const corrupt = Buffer.from(cache);
    corrupt[corrupt.length - 1] ^= 1;
    assert.equal(validCachedData(corrupt, 0xabc, 10), undefined);
    assert.equal(validCachedData(cache.subarray(0, cache.length - 2), 0xabc, 10), undefined);
    assert.equal(validCachedData(data, 0xabc, 10), undefined);
    assert.equal(validCachedData(undefined, 0xabc, 10), undefined);
  });
});

describe('the hook\'s loader of its bundles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cc-loader-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the same files as the build, the package and the editor\'s copy', async () => {
    const bundles = (await import(path.resolve(__dirname, '../../../scripts/lib/bundles.mjs'))) as { HOOK_FILES: string[] };
    assert.deepEqual([...HOOK_ENTRY_FILES], bundles.HOOK_FILES);
    assert.deepEqual(['hook.js', ...HOOK_PARTS], bundles.HOOK_FILES);
  });

  it('loads a part once, gives it a require that loads sibling parts through the cache, and caches each part it ran', () => {
    writeFileSync(path.join(dir, 'hook-lint.js'), 'exports.policy = require(require("node:path").join(__dirname, "hook-policy.js")); exports.path = require("node:path").sep;');
    writeFileSync(path.join(dir, 'hook-policy.js'), 'globalThis.__ccLoads = (globalThis.__ccLoads ?? 0) + 1; exports.answer = 42;');
    const g = globalThis as { __ccLoads?: number };
    delete g.__ccLoads;
    const loader = new HookLoader(dir);
    const lint = loader.load('hook-lint.js') as { policy: { answer: number }; path: string };
    assert.equal(lint.policy.answer, 42);
    assert.equal(lint.path, path.sep, 'anything else comes from node');
    assert.equal((loader.load('hook-policy.js') as { answer: number }).answer, 42);
    assert.equal(g.__ccLoads, 1, 'each part runs once');
    loader.saveCaches();
    for (const part of ['hook-lint.js', 'hook-policy.js']) {
      const source = readFileSync(path.join(dir, part));
      assert.ok(validCachedData(readFileSync(path.join(dir, `${part}.cache`)), crc32(source), source.length), `${part}.cache is valid`);
    }
    delete g.__ccLoads;
  });

  it('fingerprints every part, loaded or not, so that a memo from other bundles is not used', () => {
    writeFileSync(path.join(dir, 'hook-lint.js'), 'exports.x = 1;');
    writeFileSync(path.join(dir, 'hook-policy.js'), 'exports.y = 1;');
    const before = new HookLoader(dir).build();
    assert.match(before, /^[0-9a-f]+:14,[0-9a-f]+:14,-$/, 'a missing part reads as -');
    writeFileSync(path.join(dir, 'hook-policy.js'), 'exports.y = 2;');
    const loader = new HookLoader(dir);
    loader.load('hook-lint.js');
    assert.notEqual(loader.build(), before, 'the parser changed, though hook-lint.js did not');
  });
});

describe('the hook\'s policy memo', () => {
  let dir: string;
  let file: string;
  let parses: number;
  const parse = (text: string | null): Promise<ParsedPolicy> => {
    parses++;
    return Promise.resolve(parsePolicy(text ?? '{}'));
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cc-memo-'));
    file = path.join(dir, 'memo.json');
    parses = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a text once and answers from the memo after, problems included', async () => {
    const text = '{ "commit": { "subjectMaxLength": 5 } }';
    const first = await memoisedPolicy(text, { file, build: 'b1' }, parse);
    const second = await memoisedPolicy(text, { file, build: 'b1' }, parse);
    assert.equal(parses, 1);
    assert.deepEqual(second, JSON.parse(JSON.stringify(first)));
    assert.equal(second.problems.length, 1);
    assert.equal(second.policy.commit.subjectMaxLength, 72, 'the bad key fell back to its default');
  });

  it('parses again for another text, another build, or a corrupt memo, and rewrites it', async () => {
    await memoisedPolicy(null, { file, build: 'b1' }, parse);
    await memoisedPolicy('{}', { file, build: 'b1' }, parse);
    await memoisedPolicy(null, { file, build: 'b2' }, parse);
    assert.equal(parses, 3);
    writeFileSync(file, '{"build":"b2","entries":[{"text":null,"parsed":{"policy":{"commit":{}},"problems":[]}}]}');
    const repaired = await memoisedPolicy(null, { file, build: 'b2' }, parse);
    assert.equal(parses, 4, 'an entry without the whole policy shape is not trusted');
    assert.equal(repaired.policy.commit.subjectMaxLength, 72);
    writeFileSync(file, '{ not json');
    await memoisedPolicy(null, { file, build: 'b2' }, parse);
    assert.equal(parses, 5);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length, 1);
  });

  it('keeps the last texts only, and parses every time without a memo file', async () => {
    for (let i = 0; i <= MEMO_ENTRIES; i++) await memoisedPolicy(`{ "branch": { "base": "b${i}" } }`, { file, build: 'b' }, parse);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length, MEMO_ENTRIES);
    await memoisedPolicy('{ "branch": { "base": "b0" } }', { file, build: 'b' }, parse);
    assert.equal(parses, MEMO_ENTRIES + 2, 'the oldest text was dropped');
    await memoisedPolicy('{}', {}, parse);
    await memoisedPolicy('{}', {}, parse);
    assert.equal(parses, MEMO_ENTRIES + 4);
  });
});
