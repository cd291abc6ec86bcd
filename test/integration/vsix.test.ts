/**
 * Builds the VSIX (`npm run package`) and lists what is inside it by reading
 * the zip's central directory. Fails on anything unexpected (sources, tests,
 * source maps, node_modules) and on a file the manifest refers to that the
 * VSIX lacks (walkthrough media, schema, icons).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string; version: string; main: string; icon?: string; contributes: unknown;
};
const vsixPath = path.join(root, `${manifest.name}-${manifest.version}.vsix`);

interface ZipEntry { name: string; method: number; compressedSize: number; localOffset: number }

/** Entries of a zip file from its central directory (no zip64: a VSIX this small never needs it). */
function zipEntries(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'end of central directory found');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry signature');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  return e.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

/** Every relative file path the manifest names (walkthrough media, schemas, icons). */
function referencedFiles(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    const rel = node.replace(/^\.\//, '');
    if (/^(media|schemas|out)\/[\w./-]+\.\w+$/.test(rel)) out.add(rel);
  } else if (Array.isArray(node)) {
    for (const v of node) referencedFiles(v, out);
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) referencedFiles(v, out);
  }
  return out;
}

describe('the VSIX package', function () {
  this.timeout(120_000);
  let buf: Buffer;
  let names: string[];

  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs')], { cwd: root, stdio: 'pipe' });
    buf = fs.readFileSync(vsixPath);
    names = zipEntries(buf).map((e) => e.name).sort();
  });

  it('contains only the manifest, the bundles, the schema, media and docs', () => {
    const fixed = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/readme.md',
      'extension/changelog.md', 'extension/LICENSE.txt', 'extension/out/extension.js', 'extension/out/cli.js',
      'extension/out/hook.js', 'extension/out/hook-lint.js', 'extension/out/hook-policy.js', 'extension/out/hook-re2.js', 'extension/out/codicons/codicon.css', 'extension/out/codicons/codicon.ttf',
      'extension/schemas/change-control.schema.json'];
    const fromManifest = [...referencedFiles({ c: manifest.contributes, i: manifest.icon })];
    // A walkthrough page's pictures ship too: they are referenced from the page, relative to it.
    const pictures = fromManifest.filter((f) => f.endsWith('.md')).flatMap((page) =>
      [...fs.readFileSync(path.join(root, page), 'utf8').matchAll(/!\[[^\]]*\]\(([\w./-]+)\)/g)].map((m) => path.posix.join(path.posix.dirname(page), m[1] as string)));
    const referenced = [...fromManifest, ...pictures].map((f) => `extension/${f}`);
    const allowed = new Set([...fixed, ...referenced]);
    const unexpected = names.filter((n) => !allowed.has(n));
    assert.deepEqual(unexpected, [], `unexpected files in the VSIX: ${unexpected.join(', ')}`);
    for (const n of fixed) assert.ok(names.includes(n), `${n} is in the VSIX`);
  });

  it('contains every file the manifest refers to', () => {
    const referenced = [...referencedFiles({ c: manifest.contributes, i: manifest.icon, m: manifest.main })];
    assert.ok(referenced.includes('out/extension.js'));
    const missing = referenced.filter((f) => !names.includes(`extension/${f}`));
    assert.deepEqual(missing, [], `the manifest names files the VSIX lacks: ${missing.join(', ')}`);
  });

  it('ships the minified production bundle with no source map or node_modules', () => {
    assert.equal(names.some((n) => n.endsWith('.map') || n.includes('node_modules/') || n.endsWith('.ts')), false);
    const entry = zipEntries(buf).find((e) => e.name === 'extension/out/extension.js');
    assert.ok(entry);
    const code = readEntry(buf, entry).toString('utf8');
    const lines = code.split('\n').length;
    assert.ok(code.length / lines > 1000, `minified (${lines} lines, ${code.length} bytes)`);
    assert.doesNotMatch(code, /sourceMappingURL/);
    assert.ok(buf.length < 2 * 1024 * 1024, `VSIX is ${buf.length} bytes`);
  });
});
