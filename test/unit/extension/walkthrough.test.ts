import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PASSING_COMMIT_CONTEXT, shouldOpenWalkthrough, WALKTHROUGH_ID } from '../../../src/extension/walkthroughState';

const ROOT = path.resolve(__dirname, '../../..');
interface Step { id: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } };

describe('the walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);

  it('opens once, on the first activation, and not in a test run unless asked', () => {
    assert.equal(shouldOpenWalkthrough({ shown: false, testRun: false, forced: false }), true);
    assert.equal(shouldOpenWalkthrough({ shown: true, testRun: false, forced: false }), false);
    assert.equal(shouldOpenWalkthrough({ shown: false, testRun: true, forced: false }), false);
    assert.equal(shouldOpenWalkthrough({ shown: false, testRun: true, forced: true }), true);
    assert.equal(shouldOpenWalkthrough({ shown: true, testRun: true, forced: true }), false);
  });

  it('gives every step its own page and its own picture, all shipped', () => {
    assert.ok(walkthrough);
    const pages = walkthrough.steps.map((s) => s.media.markdown ?? s.media.image ?? '');
    assert.equal(new Set(pages).size, pages.length, `a page is shared: ${pages.join(', ')}`);
    const pictures: string[] = [];
    for (const page of pages) {
      assert.ok(existsSync(path.join(ROOT, page)), page);
      const images = [...readFileSync(path.join(ROOT, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] as string);
      assert.equal(images.length, 1, `${page} shows one picture`);
      const picture = path.join(path.dirname(page), images[0] as string);
      assert.ok(existsSync(path.join(ROOT, picture)), picture);
      pictures.push(picture);
    }
    assert.equal(new Set(pictures).size, pictures.length, 'no two steps show the same picture');
  });

  it('completes the commit step on the first commit that passes the policy', () => {
    const commit = walkthrough?.steps.find((s) => s.id === 'commit');
    assert.deepEqual(commit?.completionEvents, [`onContext:${PASSING_COMMIT_CONTEXT}`]);
  });
});
