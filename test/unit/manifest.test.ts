/**
 * The manifest (package.json contributes) must match the code: every
 * command is in the "Change Control" category and registered by the
 * extension, every setting is described and read by settings.ts, the
 * policy file gets its JSON Schema, and activation stays lazy.
 * Model: GitLab Workflow src/command_names.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CommitPolicySchema, POLICY_FILE } from '../../src/core/policy/schema';

const ROOT = path.resolve(__dirname, '../..');

interface Manifest {
  main: string;
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    menus?: Record<string, { command?: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const extensionSource = sourceFiles(path.join(ROOT, 'src/extension'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('package.json manifest', () => {
  const commands = manifest.contributes.commands;

  it('puts every command in the "Change Control" category with a title', () => {
    assert.ok(commands.length > 0);
    for (const c of commands) {
      assert.equal(c.category, 'Change Control', `${c.command} category`);
      assert.ok(c.title.trim().length > 0, `${c.command} title`);
    }
  });

  it('names commands changeControl.verbNoun, each once', () => {
    const ids = commands.map((c) => c.command);
    assert.equal(new Set(ids).size, ids.length, 'duplicate command ids');
    for (const id of ids) assert.match(id, /^changeControl\.[a-z]+[A-Za-z]*$/);
  });

  it('registers every contributed command somewhere in src/extension', () => {
    const missing = commands.map((c) => c.command).filter((id) => !extensionSource.includes(`'${id}'`) && !extensionSource.includes(`"${id}"`));
    assert.deepEqual(missing, [], `contributed but never registered: ${missing.join(', ')}`);
  });

  it('refers only to contributed commands from menus', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const item of items) if (item.command) assert.ok(ids.has(item.command), `${menu} uses unknown ${item.command}`);
    }
  });

  it('describes every setting and reads it in settings.ts', () => {
    const settingsSource = readFileSync(path.join(ROOT, 'src/extension/settings.ts'), 'utf8');
    const entries = Object.entries(manifest.contributes.configuration.properties);
    assert.ok(entries.length > 0);
    for (const [key, spec] of entries) {
      assert.ok((spec.description ?? spec.markdownDescription ?? '').trim().length > 10, `${key} needs a description`);
      assert.match(key, /^changeControl\.[a-z]+\.[a-z][A-Za-z]*$/, `${key} is named changeControl.area.name`);
      const local = key.slice('changeControl.'.length);
      assert.ok(settingsSource.includes(`'${local}'`), `${key} is declared but settings.ts never reads it`);
    }
  });

  it('only offers settings for commit keys that exist in the policy schema', () => {
    const commitKeys = Object.keys(CommitPolicySchema.shape);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      const m = /^changeControl\.commit\.(\w+)$/.exec(key);
      if (m) assert.ok(commitKeys.includes(m[1]!), `${key} has no counterpart in the policy schema`);
    }
  });

  it('activates lazily (no "*" activation event)', () => {
    const events = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activationEvents contains "*"');
    assert.ok(events.includes('onLanguage:git-commit') && events.includes('onLanguage:scminput'), 'commit message editors activate the linter');
  });

  it('contributes the policy JSON Schema for the policy file', () => {
    const entry = manifest.contributes.jsonValidation?.find((j) => [j.fileMatch].flat().some((m) => m.endsWith(POLICY_FILE)));
    assert.ok(entry, `no jsonValidation for ${POLICY_FILE}`);
    const schemaFile = path.join(ROOT, entry.url);
    assert.ok(existsSync(schemaFile), `${entry.url} does not exist`);
    assert.equal((JSON.parse(readFileSync(schemaFile, 'utf8')) as { type?: string }).type, 'object');
  });
});

describe('packages/cli/package.json (the npm package)', () => {
  const cli = JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as {
    name: string; version: string; bin: Record<string, string>; files: string[]; dependencies?: unknown;
  };
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('keeps the extension\'s version, so one release number names both', () => {
    assert.equal(cli.version, root.version);
  });

  it('ships a bin and files that exist, and declares no dependency', () => {
    assert.deepEqual(cli.bin, { 'change-control': 'cli.js' });
    assert.equal(cli.dependencies, undefined);
    for (const file of cli.files.filter((f) => !['cli.js', 'hook.js', 'hook-lint.js', 'hook-policy.js', 'hook-re2.js'].includes(f))) assert.ok(existsSync(path.join(ROOT, file)), file);
  });
});
