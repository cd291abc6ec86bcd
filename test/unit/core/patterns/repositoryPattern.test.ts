import assert from 'node:assert/strict';
import { compileRepositoryPattern, repositoryPatternProblem, type LinearPattern } from '../../../../src/core/patterns/repositoryPattern';
import { DEFAULT_TICKET_PATTERN } from '../../../../src/core/policy/schema';

function compiled(source: string): LinearPattern {
  const result = compileRepositoryPattern(source);
  if (!result.ok) assert.fail(`${source}: ${result.problem}`);
  return result.pattern;
}

/** Patterns and texts where the engine must agree with JavaScript's RegExp (u flag). */
const SAME_AS_JS: [string, string[]][] = [
  [DEFAULT_TICKET_PATTERN, ['Fix it (#12)', 'ABC-123: Add x', 'acme/app#7', 'abc-1', 'no ticket', 'X-1', '#', 'Refs: ABC-9\n']],
  ['^[A-Z]+-\\d+$', ['ABC-1', 'ABC-1\n', 'x ABC-1']],
  ['a.b', ['a\nb', 'a\rb', 'a\u2028b', 'axb', 'a😀b']],
  ['a\\sb', ['a b', 'a\u00a0b', 'a\u3000b', 'a\vb', 'axb']],
  ['a\\Sb', ['a b', 'a\u00a0b', 'axb']],
  ['[\\s\\S]+Z', ['xxZ', 'xx']],
  ['a[]b|c[^]d', ['ab', 'c\nd', 'cd']],
  ['(?<key>[A-Z]{2,5})-\\d+', ['AB-1', 'A-1']],
  ['\\u0041\\u{1F600}\\x41', ['A😀A', 'A😀']],
  ['\\p{Lu}\\d', ['É1', 'é1']],
  ['[\\b]x', ['\bx', 'x']],
  ['\\bGH-\\d+\\b', ['GH-12', 'XGH-12']],
  ['\\/\\.', ['/.', '/x']],
  ['JIRA-[0-9]+?', ['JIRA-123']],
];

describe('repository patterns', () => {
  it('match like JavaScript RegExp for the syntax they share', () => {
    for (const [source, texts] of SAME_AS_JS) {
      const ours = compiled(source);
      const js = new RegExp(source, 'u');
      for (const text of texts) {
        assert.equal(ours.test(text), js.test(text), `${source} on ${JSON.stringify(text)}`);
        assert.equal(ours.firstMatch(text), text.match(js)?.[0], `${source} first match in ${JSON.stringify(text)}`);
        assert.equal(ours.matchesWhole(text), new RegExp(`^(?:${source})$`, 'u').test(text), `${source} whole ${JSON.stringify(text)}`);
      }
    }
  });

  it('refuse backreferences and lookaround with a reason', () => {
    assert.match(repositoryPatternProblem('(a)\\1') ?? '', /backreference/);
    assert.match(repositoryPatternProblem('(?<t>a)\\k<t>') ?? '', /backreference/);
    for (const p of ['(?=A)A', '(?!B)A', '(?<=x)A', '(?<!x)A']) assert.match(repositoryPatternProblem(p) ?? '', /lookahead or lookbehind/, p);
  });

  it('refuse invalid, empty and over-long patterns and what RE2 cannot express', () => {
    assert.match(repositoryPatternProblem('(') ?? '', /valid regular expression/);
    assert.match(repositoryPatternProblem('') ?? '', /empty/);
    assert.match(repositoryPatternProblem('a'.repeat(1001)) ?? '', /longer than 1000/);
    assert.match(repositoryPatternProblem('a{2000}') ?? '', /linear-time engine \(RE2\)/);
    assert.equal(repositoryPatternProblem(DEFAULT_TICKET_PATTERN), undefined);
  });

  it('run a catastrophic pattern in linear time', () => {
    const hostile = compiled('([\\s\\S]+)+Z');
    // V8 takes longer than 20 s on 30 characters of this; RE2 must not grow with the input.
    const started = performance.now();
    assert.equal(hostile.test('x'.repeat(200_000)), false);
    assert.equal(hostile.test(`${'x'.repeat(200_000)}Z`), true);
    assert.equal(compiled('(a|a)*b').matchesWhole('a'.repeat(200_000)), false);
    assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('honours ignoreCase', () => {
    const result = compileRepositoryPattern('abc', { ignoreCase: true });
    assert.ok(result.ok && result.pattern.matchesWhole('ABC'));
  });
});
