/**
 * The evidence report is opened in Markdown previews that run HTML and
 * load remote images, and almost every string in it was written by
 * someone else. Each test renders hostile text with markdown-it set up as
 * VS Code's preview is (HTML and linkify on) and checks what would reach
 * the page: no image, no tag, no link that the report did not make.
 */
import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import { buildEvidenceDocument } from '../../../../src/core/evidence/document';
import { code, esc, renderEvidenceMarkdown, verbatim } from '../../../../src/core/evidence/markdown';
import type { ChangeEvidence } from '../../../../src/core/evidence/schema';

const md = markdownIt({ html: true, linkify: true });
const HEAD = 'b'.repeat(40);
const OUR_LINKS = ['https://github.test/o/r', 'https://github.test/o/r/pull/7', 'https://github.test/o/r/issues/3', 'https://github.test/o/r/issues/3#issuecomment-1'];
const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'em', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'a']);

/** One-line hostile strings: each tries to become an image, a tag or a link. */
const LINES = [
  '![pixel](https://evil.test/title.png)',
  '<img src="https://evil.test/img.png" onerror="alert(1)">',
  '<script>alert(1)</script>',
  '<!-- hidden -->',
  '![x][1]',
  '[1]: https://evil.test/ref.png',
  '<https://evil.test/auto>',
  'see https://evil.test/bare and www.evil.com and evil@evil.com and evil.com',
  '`<img src=https://evil.test/span.png>`',
  '&lt;img src=x&gt; &#60;b&#62;',
  'a | b | c',
  'cr\r![cr](https://evil.test/cr.png)',
];

const BODY = [
  'Fixes #3',
  '![tracker](https://evil.test/pixel.png)',
  '<img src="https://evil.test/img.png">',
  '<script>alert(document.cookie)</script>',
  '<!-- <img src="https://evil.test/comment.png"> -->',
  '![x][1]',
  '',
  '[1]: https://evil.test/ref.png',
  '```',
  '<img src="https://evil.test/after-3.png">',
  '````',
  '<img src="https://evil.test/after-4.png">',
  '~~~',
  '</details>',
  '![late](https://evil.test/late.png)',
  '    <iframe src="https://evil.test/frame"></iframe>',
  '<https://evil.test/auto> https://evil.test/bare www.evil.com',
].join('\n');

function hostileChange(line: string): Omit<ChangeEvidence, 'findings'> {
  return {
    kind: 'pull-request',
    label: 'PR #7',
    ticketId: '#3',
    ticket: { id: '#3', title: line, url: 'https://github.test/o/r/issues/3', state: 'closed', approved: true, approvedBy: line, approvedAt: '2026-01-01T09:00:00Z', labelEvents: [] },
    branch: { head: `feature/${line}`, base: 'main' },
    commits: [{ sha: HEAD, author: line, date: '2026-01-02T10:00:00Z', message: `${line}\n\n${BODY}`, lint: [] }],
    tests: { sources: [{ path: `src/${line}.ts`, verdict: 'missing', tests: [] }, { path: 'src/a.ts', verdict: 'covered', tests: [`src/${line}.test.ts`] }], changedTests: [] },
    pullRequest: {
      number: 7, url: 'https://github.test/o/r/pull/7', title: line, author: line, body: BODY, state: 'merged',
      createdAt: '2026-01-02T10:00:00Z', headRef: 'feature/x', baseRef: 'main', headSha: HEAD, lastCommitAt: '2026-01-02T10:00:00Z',
      requestedReviewers: [line], reviews: [{ reviewer: line, state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }],
      approvals: { counted: 1, required: 2, approvers: [line] }, checks: [{ name: line, state: 'failed', url: null }],
    },
    merge: { mergedBy: line, mergedAt: '2026-01-02T12:00:00Z', mergeCommitSha: 'c'.repeat(40) },
    ticketBackLink: { present: true, url: 'https://github.test/o/r/issues/3#issuecomment-1', at: '2026-01-02T10:01:00Z' },
  };
}

function render(line: string, over: Partial<Omit<ChangeEvidence, 'findings'>> = {}): { markdown: string; html: string } {
  const doc = buildEvidenceDocument({
    generatedAt: new Date('2026-02-01T00:00:00Z'), generatorVersion: '0.1.0',
    repository: { owner: 'o', repo: 'r', url: 'https://github.test/o/r' }, scope: { kind: 'branch', branch: line },
    policy: { requiredApprovals: 2, approvalLabel: line, baseBranch: line, allowSelfApproval: false, requireTests: true },
    changes: [{ ...hostileChange(line), ...over }], secrets: [],
  });
  const markdown = renderEvidenceMarkdown(doc);
  return { markdown, html: md.render(markdown) };
}

function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e] ?? '');
}

function assertInert(html: string): void {
  assert.doesNotMatch(html, /<img|<script|<iframe|<!--/i, 'no image, script, frame or comment reaches the page');
  for (const [, tag] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) assert.ok(ALLOWED_TAGS.has(tag!.toLowerCase()), `unexpected tag <${tag}>`);
  for (const [, href] of html.matchAll(/<a\s+href="([^"]*)"/g)) assert.ok(OUR_LINKS.includes(decodeURIComponent(decode(href!))), `a link the report did not make: ${href}`);
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) assert.doesNotMatch(tag, /\s(?:src|on[a-z]+|style)=/i, `no attribute that loads or runs anything: ${tag}`);
}

describe('evidence Markdown with hostile user text', () => {
  for (const line of LINES) {
    it(`renders nothing active from ${JSON.stringify(line)}`, () => {
      const { html } = render(line);
      assertInert(html);
    });
  }

  it('shows the pull request body whole and verbatim in one code block it cannot close', () => {
    const { html } = render('Retry uploads');
    assertInert(html);
    const blocks = [...html.matchAll(/<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/g)].map((m) => decode(m[1]!));
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0], `${BODY}\n`);
    assert.match(html, /<\/details>\s*$/m, 'the report closes its own <details> after the block');
  });

  it('a body made of backtick fences of every length stays inside the block', () => {
    const body = Array.from({ length: 12 }, (_v, i) => `${'`'.repeat(i + 1)}\n![b${i}](https://evil.test/${i}.png)`).join('\n');
    const { html } = render('t', { pullRequest: { ...hostileChange('t').pullRequest!, body } });
    assertInert(html);
  });

  it('a title renders as exactly its own text', () => {
    const title = LINES.slice(0, 11).join(' ');
    const { html } = render(title);
    const heading = /<h2>(PR #7[\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '';
    assert.equal(decode(heading), `PR #7: ${title}`);
  });

  it('links only to http(s) URLs, encoded so they cannot break out', () => {
    const { html } = render('t', {
      ticket: { ...hostileChange('t').ticket!, url: 'javascript:alert(1)' },
      ticketBackLink: { present: true, url: 'https://github.test/o/r/issues/3#a)![x](https://evil.test/x.png) <b>', at: null },
    });
    assert.doesNotMatch(html, /javascript:/);
    assert.doesNotMatch(html, /<img|<b>/);
    const hrefs = [...html.matchAll(/<a\s+href="([^"]*)"/g)].map((m) => decodeURIComponent(decode(m[1]!)));
    assert.ok(hrefs.includes('https://github.test/o/r/issues/3#a)![x](https://evil.test/x.png) <b>'), hrefs.join(' '));
    assert.equal(hrefs.length, 3, 'the repository, the pull request and the back link; not the javascript: ticket');
  });

  it('escapes, fences and spans in time linear in the text', () => {
    const big = '`<!['.repeat(250_000);
    const started = process.hrtime.bigint();
    esc(big);
    code(big);
    verbatim(big);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000, '1 MB of hostile text takes well under two seconds');
  });
});
