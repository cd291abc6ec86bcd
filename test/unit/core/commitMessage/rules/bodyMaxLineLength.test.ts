import assert from 'node:assert/strict';
import { applyEdits, applyFirstFix, context, fixture, lintRule } from '../helpers';
import { columnWidth } from '../../../../../src/core/commitMessage/width';

const L72 = 'Explain why the caches must be flushed before the index is written back.';
const LONG = 'This sentence is deliberately much longer than seventy-two columns so that it has to wrap.';
const messages = {
  at72: `Add x\n\n${L72}\n`,
  at73: `Add x\n\n${L72}s\n`,
  url: 'Add x\n\nhttps://example.com/a/very/long/path/that/keeps/going/and/going/forever/and/ever/and/more\n',
  labelledUrl: 'Add x\n\n[1]: https://example.com/a/very/long/path/that/keeps/going/and/going/forever/and/ever\n',
  seeUrl: 'Add x\n\nSee: <https://example.com/a/very/long/path/that/keeps/going/and/going/forever/and/ever>\n',
  urlInProse: `Add x\n\n${LONG} https://example.com/x\n`,
  fenced: `Add x\n\n\`\`\`\n${LONG}\n\`\`\`\n`,
  indented: `Add x\n\n    ${LONG}\n`,
  tabIndented: `Add x\n\n\t${LONG}\n`,
  trailer: `Add x\n\nBody.\n\nSigned-off-by: ${'Someone With A Very Long Name '.repeat(2)}<someone@example.com>\n`,
  trailerNotLast: `Add x\n\nCo-authored-by: ${'x'.repeat(70)}\n\nMore prose.\n`,
  comment: `Add x\n\n# ${LONG}\n`,
};

describe('rule body-max-line-length', () => {
  for (const key of ['at72', 'url', 'labelledUrl', 'seeUrl', 'fenced', 'indented', 'tabIndented', 'trailer', 'comment'] as const) {
    it(`accepts ${key}`, () => assert.deepEqual(lintRule('body-max-line-length', messages[key]), []));
  }

  for (const key of ['at73', 'urlInProse', 'trailerNotLast'] as const) {
    it(`reports ${key}`, () => assert.equal(lintRule('body-max-line-length', messages[key]).length, 1));
  }

  it('reports from the first column past the limit', () => {
    const [f] = lintRule('body-max-line-length', messages.at73);
    assert.deepEqual(f!.range, { start: { line: 2, character: 72 }, end: { line: 2, character: 73 } });
  });

  it('takes the limit from the policy', () => {
    assert.equal(lintRule('body-max-line-length', messages.at72, context({ bodyMaxLineLength: 100 })).length, 0);
    assert.equal(lintRule('body-max-line-length', 'Add x\n\n' + 'word '.repeat(10), context({ bodyMaxLineLength: 40 })).length, 1);
  });

  it('rewraps the offending paragraph and leaves the rest', () => {
    const text = `Add x\n\n${LONG} ${LONG}\nsecond line\n\nNext paragraph.\n`;
    const fixed = applyFirstFix('body-max-line-length', text);
    assert.deepEqual(lintRule('body-max-line-length', fixed), []);
    assert.ok(fixed.endsWith('\n\nNext paragraph.\n'));
    assert.equal(fixed.replace(/\s+/g, ' '), text.replace(/\s+/g, ' '));
  });

  it('rewraps CRLF paragraphs with CRLF', () => {
    const fixed = applyFirstFix('body-max-line-length', fixture('crlf.txt'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line ends with CRLF');
    assert.deepEqual(lintRule('body-max-line-length', fixed), []);
  });

  it('keeps list items with a hanging indent', () => {
    const fixed = applyEdits(
      fixture('list-paragraph.txt'),
      lintRule('body-max-line-length', fixture('list-paragraph.txt')).flatMap((f) => f.fixes[0]!.edits).slice(0, 1),
    );
    const lines = fixed.split('\n');
    assert.ok(lines[2]!.startsWith('- The first item'));
    assert.ok(lines[3]!.startsWith('  '));
    assert.ok(lines.some((l) => l === '- Second item.'));
    assert.ok(lines.some((l) => l.startsWith('1. A numbered item')));
    assert.ok(lines.every((l) => columnWidth(l) <= 72));
  });

  it('shares one rewrap between the long lines of a paragraph', () => {
    const findings = lintRule('body-max-line-length', `Add x\n\n${LONG}\n${LONG}\n`);
    assert.equal(findings.length, 2);
    assert.deepEqual(findings[0]!.fixes, findings[1]!.fixes);
  });

  it('offers no fix when a single word cannot be wrapped', () => {
    const [f] = lintRule('body-max-line-length', `Add x\n\n${'x'.repeat(90)}\n`);
    assert.equal(f!.fixes.length, 0);
  });

  it('passes the URL, code, trailer and scissors fixtures', () => {
    for (const name of ['urls.txt', 'code-blocks.txt', 'trailers.txt', 'scissors.txt', 'comments.txt']) {
      assert.deepEqual(lintRule('body-max-line-length', fixture(name)), [], name);
    }
  });

  it('measures accented and wide text in columns', () => {
    const [accents] = lintRule('body-max-line-length', fixture('accents.txt'));
    assert.equal(accents!.range.start.line, 3);
    const [wide] = lintRule('body-max-line-length', fixture('cjk-emoji-73.txt'));
    assert.deepEqual(wide!.range.start, { line: 2, character: 43 });
  });

  it('lists the first 1000 long lines, counts the rest in one finding, and the rewrap still fixes them all', () => {
    const text = `Add x\n\n${`${LONG}\n`.repeat(1500)}\nShort.\n${`${LONG}\n`.repeat(20)}`;
    const findings = lintRule('body-max-line-length', text);
    assert.equal(findings.length, 1001);
    assert.match(findings[999]!.message, /^Wrap this line at 72 columns: it is 90 columns wide\.$/);
    const summary = findings[1000]!;
    assert.match(summary.message, /^520 more lines over 72 columns are not listed one by one \(only the first 1000 are\); this is the first of them\.$/);
    assert.deepEqual(summary.range, { start: { line: 1002, character: 72 }, end: { line: 1002, character: LONG.length } });
    assert.deepEqual(summary.fixes, []);
    assert.equal(findings[0]!.fixes, findings[999]!.fixes, 'one rewrap for the paragraph');
    const fixed = applyEdits(text, findings[0]!.fixes[0]!.edits);
    assert.equal(lintRule('body-max-line-length', fixed).length, 20, 'only the second paragraph is left');
  });
});
