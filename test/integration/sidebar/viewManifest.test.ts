import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VIEW_STATES, WELCOME_STATES } from '../../../src/extension/views/viewStates';

const ROOT = path.resolve(__dirname, '../../..');

interface Contributes {
  viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
  views: Record<string, { id: string; name: string }[]>;
  viewsWelcome: { view: string; contents: string; when: string }[];
  menus: Record<string, { command: string; when?: string }[]>;
}

const contributes = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;

describe('Change view manifest', () => {
  it('contributes the activity bar container with a theme-aware SVG icon', () => {
    const container = contributes.viewsContainers.activitybar.find((c) => c.id === 'changeControl');
    assert.ok(container);
    assert.equal(container.title, 'Change Control');
    const svg = readFileSync(path.join(ROOT, container.icon), 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /currentColor/, 'monochrome: follows the theme colour');
    assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b|rgb\(/i, 'no fixed colours');
    assert.deepEqual(contributes.views.changeControl?.map((v) => [v.id, v.name]), [['changeControl.change', 'Change']]);
  });

  it('has a welcome view for every welcome state, with its button', () => {
    const welcome = contributes.viewsWelcome.filter((w) => w.view === 'changeControl.change');
    for (const state of WELCOME_STATES) {
      const entry = welcome.find((w) => w.when === `changeControl.viewState == ${state}`);
      assert.ok(entry, `no welcome view for ${state}`);
      assert.match(entry.contents, /\[[^\]]+\]\(command:[\w.]+\)/, `${state} offers a button`);
    }
    assert.match(welcome.find((w) => w.when.endsWith('signedOut'))!.contents, /\[Sign In to GitHub\]\(command:changeControl\.signIn\)/);
    assert.match(welcome.find((w) => w.when.endsWith('onBase'))!.contents, /\[Start Change\]\(command:changeControl\.startChange(InView)?\)/);
    for (const w of welcome) {
      const state = /changeControl\.viewState == (\w+)/.exec(w.when)?.[1];
      assert.ok(state && (VIEW_STATES as readonly string[]).includes(state), `unknown state in ${w.when}`);
    }
  });

  it('offers refresh, select repository and start change in the title, and item actions by context value', () => {
    const title = contributes.menus['view/title']!.filter((m) => m.when?.includes('changeControl.change')).map((m) => m.command);
    for (const id of ['changeControl.refresh', 'changeControl.selectRepository', 'changeControl.startChangeInView']) assert.ok(title.includes(id), id);
    const item = contributes.menus['view/item/context']!.filter((m) => m.when?.includes('changeControl.change'));
    const byCommand = (id: string): string[] => item.filter((m) => m.command === id).map((m) => m.when ?? '');
    // Each action is offered, and only on items whose context value carries its marker.
    for (const [id, marker] of [['changeControl.openInBrowser', 'hasUrl'], ['changeControl.createItemTest', 'test\\.missing'], ['changeControl.openItemTest', 'test\\.hasTest'], ['changeControl.linkTicket', 'ticket\\.']] as const) {
      const whens = byCommand(id);
      assert.ok(whens.length > 0, `${id} is in the item menu`);
      assert.ok(whens.every((w) => w.includes(marker)), `${id} only where ${marker}`);
    }
  });
});
