/**
 * The Create Pull Request page: a form in the editor area, drawn with VS
 * Code's theme variables and the codicon font shipped with the extension.
 * Strict CSP: nothing remote, one nonce for the one style and the one
 * script; the page builds every element with textContent (no HTML from
 * data). Its state arrives by message after "ready"; it holds no token.
 */

export interface PageResources {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per page. */
  nonce: string;
  /** `webview.asWebviewUri` of out/codicons/codicon.css. */
  codiconsCss: string;
}

export function createPullRequestHtml(r: PageResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${r.cspSource} 'nonce-${r.nonce}'`,
    `font-src ${r.cspSource}`,
    `script-src 'nonce-${r.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${r.codiconsCss}" nonce="${r.nonce}">
<style nonce="${r.nonce}">${STYLE}</style>
<title>Create Pull Request</title>
</head>
<body>
<main id="app" aria-live="polite">
  <header>
    <h1><span class="codicon codicon-git-pull-request-create"></span> Create Pull Request</h1>
    <p id="route" class="muted"></p>
  </header>
  <section id="existing" class="banner" hidden>
    <p><span class="codicon codicon-info"></span> <span id="existing-text"></span></p>
    <div class="row"><button id="open-existing" type="button"><span class="codicon codicon-link-external"></span> Open</button>
    <button id="update-description" type="button" class="secondary"><span class="codicon codicon-edit"></span> Update Description</button></div>
  </section>
  <form id="form" novalidate>
    <label for="title">Title</label>
    <input id="title" type="text" maxlength="256" required>
    <label>Base</label>
    <p id="base" class="field-text"><span class="codicon codicon-git-branch"></span> <span id="base-name"></span> <span class="muted">(the policy's base branch)</span></p>
    <label for="body">Description <span class="muted">(Markdown, from the repository's template)</span></label>
    <textarea id="body" rows="14" spellcheck="true"></textarea>
    <label for="reviewer-search">Reviewers</label>
    <div id="chips" class="chips"></div>
    <input id="reviewer-search" type="search" placeholder="Search collaborators and teams" autocomplete="off" aria-controls="matches">
    <ul id="matches" class="matches" role="listbox"></ul>
    <p id="candidates-note" class="muted" hidden></p>
    <label class="check"><input id="draft" type="checkbox"> Create as draft</label>
    <h2>Pre-flight</h2>
    <ul id="preflight" class="preflight"></ul>
    <p id="policy-notes" class="muted"></p>
  </form>
  <footer>
    <button id="create" type="button"><span class="codicon codicon-git-pull-request-create"></span> <span id="create-label">Create Pull Request</span></button>
    <button id="recheck" type="button" class="secondary" title="Run the pre-flight again"><span class="codicon codicon-refresh"></span> Check Again</button>
    <span id="status" class="muted" role="status"></span>
  </footer>
</main>
<script nonce="${r.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0; margin: 0; }
main { max-width: 760px; margin: 0 auto; padding: 16px 20px 0; }
h1 { font-size: 1.4em; font-weight: 600; margin: 4px 0; display: flex; gap: 6px; align-items: center; }
h2 { font-size: 1.05em; font-weight: 600; margin: 18px 0 6px; }
label { display: block; margin: 14px 0 4px; font-weight: 600; }
label.check { font-weight: normal; display: flex; gap: 6px; align-items: center; }
.muted { color: var(--vscode-descriptionForeground); font-weight: normal; }
input[type=text], input[type=search], textarea { width: 100%; box-sizing: border-box; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 4px 6px; font-family: inherit; font-size: inherit; border-radius: 2px; }
textarea { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); resize: vertical; }
input:focus, textarea:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.field-text { margin: 0; display: flex; gap: 6px; align-items: center; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; border-radius: 2px; cursor: pointer; font-family: inherit; font-size: inherit; display: inline-flex; gap: 6px; align-items: center; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:disabled { opacity: 0.5; cursor: default; }
.row { display: flex; gap: 8px; }
.banner { border: 1px solid var(--vscode-focusBorder); background: var(--vscode-editorWidget-background); padding: 8px 12px; margin: 12px 0; border-radius: 2px; }
.banner p { margin: 0 0 8px; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
.chip { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); border-radius: 10px; padding: 1px 4px 1px 8px; display: inline-flex; gap: 4px; align-items: center; }
.chip button { background: transparent; color: inherit; padding: 0 2px; border: none; }
.matches { list-style: none; margin: 0; padding: 0; border: 1px solid var(--vscode-widget-border, transparent); background: var(--vscode-dropdown-background); max-height: 180px; overflow: auto; }
.matches:empty { display: none; }
.matches li { padding: 3px 8px; cursor: pointer; display: flex; gap: 6px; align-items: center; }
.matches li:hover, .matches li[aria-selected=true] { background: var(--vscode-list-hoverBackground); }
.preflight { list-style: none; margin: 0; padding: 0; }
.preflight li { display: flex; gap: 6px; align-items: flex-start; padding: 2px 0; }
.preflight .codicon-error { color: var(--vscode-testing-iconFailed); }
.preflight .codicon-warning { color: var(--vscode-problemsWarningIcon-foreground); }
.preflight .codicon-pass { color: var(--vscode-testing-iconPassed); }
footer { position: sticky; bottom: 0; background: var(--vscode-editor-background); border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding: 10px 0 12px; margin-top: 16px; display: flex; gap: 8px; align-items: center; }
`;

/* The page's script: plain browser JavaScript (no bundle), state in, messages out. */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  let state;
  let reviewers = [];
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const icon = (name) => el('span', 'codicon codicon-' + name);
  function renderChips() {
    const chips = $('chips');
    chips.replaceChildren();
    for (const r of reviewers) {
      const chip = el('span', 'chip');
      chip.append(icon(r.includes('/') ? 'organization' : 'person'), el('span', '', r));
      const remove = el('button');
      remove.type = 'button';
      remove.title = 'Remove ' + r;
      remove.setAttribute('aria-label', 'Remove ' + r);
      remove.append(icon('close'));
      remove.addEventListener('click', () => { reviewers = reviewers.filter((x) => x !== r); renderChips(); renderMatches(); });
      chip.append(remove);
      chips.append(chip);
    }
  }
  function renderMatches() {
    const list = $('matches');
    list.replaceChildren();
    const q = $('reviewer-search').value.trim().toLowerCase();
    if (!q || !state) return;
    const hits = state.candidates.filter((c) => !reviewers.includes(c.id) && (c.id.toLowerCase().includes(q) || c.name.toLowerCase().includes(q))).slice(0, 8);
    for (const c of hits) {
      const li = el('li');
      li.setAttribute('role', 'option');
      li.dataset.id = c.id;
      li.append(icon(c.kind === 'team' ? 'organization' : 'person'), el('span', '', c.id));
      if (c.kind === 'team' && c.name !== c.id) li.append(el('span', 'muted', c.name));
      li.addEventListener('click', () => pick(c.id));
      list.append(li);
    }
  }
  function pick(id) {
    if (!reviewers.includes(id)) reviewers.push(id);
    $('reviewer-search').value = '';
    renderChips();
    renderMatches();
    $('reviewer-search').focus();
  }
  function renderPreflight(p) {
    const list = $('preflight');
    list.replaceChildren();
    const add = (name, text) => { const li = el('li'); li.append(icon(name), el('span', '', text)); list.append(li); };
    for (const b of p.blockers) add('error', b);
    for (const w of p.warnings) add('warning', w);
    for (const ok of p.passed) add('pass', ok.description);
  }
  function render(s) {
    state = s;
    reviewers = s.reviewers.slice();
    $('route').textContent = s.repository + ': ' + s.branch + ' into ' + s.base;
    $('base-name').textContent = s.base;
    $('title').value = s.title;
    $('body').value = s.body;
    $('draft').checked = s.draft;
    $('candidates-note').hidden = !s.candidatesNote;
    $('candidates-note').textContent = s.candidatesNote || '';
    $('policy-notes').textContent = s.policyNotes.join(' ');
    renderChips();
    renderPreflight(s.preflight);
    const existing = s.existing;
    $('existing').hidden = !existing;
    $('create').hidden = !!existing;
    if (existing) $('existing-text').textContent = 'Pull request #' + existing.number + ' is already open for this branch: ' + existing.title;
    $('create').title = s.preflight.blockers.length > 0 ? 'Fix the blockers of the pre-flight first' : '';
    $('create-label').textContent = $('draft').checked ? 'Create Draft Pull Request' : 'Create Pull Request';
    // A new state ends whatever was running: the buttons work again (Create only without blockers).
    busy(false, '');
  }
  function busy(on, text) {
    for (const id of ['create', 'recheck', 'open-existing', 'update-description']) $(id).disabled = on || (id === 'create' && state && state.preflight.blockers.length > 0);
    $('status').textContent = text || '';
  }
  $('reviewer-search').addEventListener('input', renderMatches);
  $('reviewer-search').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = $('matches').querySelector('li');
    const typed = $('reviewer-search').value.trim().replace(/^@/, '');
    if (first) pick(first.dataset.id);
    else if (/^[A-Za-z0-9][A-Za-z0-9-]*(\\/[A-Za-z0-9._-]+)?$/.test(typed)) pick(typed);
  });
  $('draft').addEventListener('change', () => { $('create-label').textContent = $('draft').checked ? 'Create Draft Pull Request' : 'Create Pull Request'; });
  $('create').addEventListener('click', () => {
    const title = $('title').value.trim();
    if (!title) { $('status').textContent = 'The title is empty.'; $('title').focus(); return; }
    busy(true, 'Creating…');
    vscode.postMessage({ type: 'create', title, body: $('body').value, draft: $('draft').checked, reviewers });
  });
  $('recheck').addEventListener('click', () => {
    busy(true, 'Checking…');
    vscode.postMessage({ type: 'recheck', title: $('title').value.trim() || (state ? state.title : 'Change'), body: $('body').value, draft: $('draft').checked, reviewers });
  });
  $('open-existing').addEventListener('click', () => vscode.postMessage({ type: 'openExisting' }));
  $('update-description').addEventListener('click', () => { busy(true, 'Updating…'); vscode.postMessage({ type: 'updateDescription', body: $('body').value }); });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.type !== 'string') return;
    if (m.type === 'state' && m.state) render(m.state);
    else if (m.type === 'busy') busy(true, String(m.message));
    else if (m.type === 'done') { busy(false, String(m.message)); }
    else if (m.type === 'error') { busy(false, String(m.message)); }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
