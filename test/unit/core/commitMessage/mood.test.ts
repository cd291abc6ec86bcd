import assert from 'node:assert/strict';
import { findDescription } from '../../../../src/core/commitMessage/description';
import { classifyMood } from '../../../../src/core/commitMessage/mood/classifyMood';
import { FrontCodedSet, frontCode, frontDecode } from '../../../../src/core/commitMessage/mood/frontCoding';
import * as generated from '../../../../src/core/commitMessage/mood/lexicon.generated';
import { readVerb } from '../../../../src/core/commitMessage/mood/lexicon';

describe('findDescription', () => {
  const table: [string, string][] = [
    ['fix(compiler-sfc): add x', 'add x'],
    ['feat!: drop y', 'drop y'],
    ['ABC-123: Add x', 'Add x'],
    ['ABC-123 Add x', 'Add x'],
    ['[ABC-123] Add x', 'Add x'],
    ['Issue 901: Add x', 'Add x'],
    ['[Fix #5527] Add x', 'Add x'],
    ['[PATCH] Add x', 'Add x'],
    ['[PATCH 2/3] refs: add x', 'add x'],
    ['fix #680 - add x', 'add x'],
    ['Bug 123456 - Add x', 'Add x'],
    ['#12: Add x', 'Add x'],
    ['refs: add x', 'add x'],
    ['l10n: tr: update x', 'update x'],
    ['t/t1234-foo.sh: add x', 'add x'],
    [':bug: Fix x', 'Fix x'],
    ['(docs) Update x', 'Update x'],
    ['WIP: adding x', 'adding x'],
    ['🐛 Fix x', 'Fix x'],
    ['Fixes #776: Add settings', 'Fixes #776: Add settings'],
    ['Fixed: the crash', 'Fixed: the crash'],
    ['Add x', 'Add x'],
    ['docs:', 'docs:'],
  ];
  for (const [subject, description] of table) {
    it(`${JSON.stringify(subject)} → ${JSON.stringify(description)}`, () => {
      const d = findDescription(subject);
      assert.equal(d.text, description);
      assert.equal(subject.slice(d.offset), description);
    });
  }
});

describe('readVerb', () => {
  const table: [string, string, string][] = [
    ['add', 'add', 'base'],
    ['added', 'add', 'past'],
    ['adds', 'add', 'third_person'],
    ['adding', 'add', 'gerund'],
    ['wrote', 'write', 'past'],
    ['written', 'write', 'past'],
    ['was', 'be', 'past'],
    ['is', 'be', 'third_person'],
    ['has', 'have', 'third_person'],
    ['does', 'do', 'third_person'],
    ['found', 'find', 'past'],
    ['set', 'set', 'base'],
    ['read', 'read', 'base'],
    ['need', 'need', 'base'],
    ['embed', 'embed', 'base'],
    ['speed', 'speed', 'base'],
    ['sped', 'speed', 'past'],
    ['tried', 'try', 'past'],
    ['shipped', 'ship', 'past'],
    ['hoping', 'hope', 'gerund'],
    ['hopping', 'hop', 'gerund'],
    ['using', 'use', 'gerund'],
    ['caches', 'cache', 'third_person'],
    ['fixes', 'fix', 'third_person'],
    ['refactored', 'refactor', 'past'],
    ['deserializes', 'deserialize', 'third_person'],
    ['memoized', 'memoize', 'past'],
    ['hardcoded', 'hardcode', 'past'],
    ['localized', 'localize', 'past'],
  ];
  for (const [word, base, form] of table) {
    it(`${word} → ${base} (${form})`, () => assert.deepEqual(readVerb(word), { base, form }));
  }

  it('knows no verb in nouns, adjectives and un- adjectives', () => {
    for (const word of ['typo', 'docs', 'readme', 'unused', 'undefined', 'unexpected', 'various', 'news', 'this']) {
      assert.equal(readVerb(word), undefined, word);
    }
  });
});

describe('classifyMood', () => {
  const table: [string, string][] = [
    ['Fixes typo', 'third_person'],
    ['Fixes for Mac OS X', 'non_verb'],
    ['Changes to Javadoc', 'non_verb'],
    ['Checks for null', 'non_verb'],
    ['Looks for the config', 'third_person'],
    ['Works on Windows', 'third_person'],
    ['Rewording of exception', 'gerund'],
    ['Better handling of errors', 'imperative'],
    ['Missing semicolon', 'non_verb'],
    ['Existing users keep their settings', 'non_verb'],
    ['Supporting Python 3.12', 'gerund'],
    ['Reverting previous commit', 'gerund'],
    ['Dropping support for Node 18', 'gerund'],
    ['Working on the parser', 'gerund'],
    ['Built in modifiers support', 'non_verb'],
    ['includes instead of indexOf', 'non_verb'],
    ['DisableFlagParsing must disable', 'non_verb'],
    ['`added` is a keyword', 'non_verb'],
    ['setup.py cleanup', 'non_verb'],
    ['Properly handles empty input', 'third_person'],
    ['Don’t use the cache', 'imperative'],
    ['Doesn’t crash', 'third_person'],
    ['Can now set headers', 'imperative'],
    ['An empty cookiejar evaluates to False', 'non_verb'],
    ['constructor cleanup', 'non_verb'],
  ];
  for (const [description, mood] of table) {
    it(`${JSON.stringify(description)} is ${mood}`, () => assert.equal(classifyMood(description).mood, mood));
  }
});

describe('frontCoding', () => {
  it('round-trips a sorted list', () => {
    const words = ['a', 'ab', 'abc', 'abd', 'b', 'be', 'because', 'bee'];
    assert.deepEqual(frontDecode(frontCode(words)), words);
    assert.ok(frontCode(words).length < words.join(' ').length);
    assert.deepEqual(frontDecode(''), []);
  });

  it('FrontCodedSet answers like a Set of the decoded list, decoding one run per first letter', () => {
    const words = ['', '0day', 'a', 'ab', 'abc', 'abd', 'b', 'be', 'because', 'bee', 'z', 'zz'];
    const set = new FrontCodedSet(frontCode(words));
    const probes = [...words, 'ac', 'abcd', 'bees', 'c', 'y', 'zzz', '0', 'A', ' a', 'é'];
    for (const w of probes) assert.equal(set.has(w), words.includes(w), w);
    assert.equal(new FrontCodedSet('').has('a'), false);
    assert.equal(new FrontCodedSet(frontCode(['a'])).has(''), false);
  });

  it('FrontCodedSet agrees with the decoded lexicon on every word and near-miss', () => {
    for (const name of ['VERBS', 'NOUN_VERBS', 'ING_ADJECTIVES', 'COMPOUND_ADJECTIVES', 'PREPOSITIONAL_VERBS'] as const) {
      const words = frontDecode(generated[name]);
      const all = new Set(words);
      const set = new FrontCodedSet(generated[name]);
      for (const w of words) {
        assert.ok(set.has(w), `${name}: ${w}`);
        for (const miss of [`${w}x`, w.slice(0, -1), `x${w}`]) assert.equal(set.has(miss), all.has(miss), `${name}: ${miss}`);
      }
    }
  });
});

describe('classifyMood: a verb form heading a noun phrase', () => {
  const table: [string, string][] = [
    // What follows decides: a comma, the end or a report noun makes a noun phrase.
    ['Spelling mistake', 'non_verb'],
    ['Spelling mistakes in the guide', 'non_verb'],
    ['Naming, linting', 'non_verb'],
    ['Formatting', 'non_verb'],
    ['Failing spec for the uploader', 'non_verb'],
    ['Failing test for #77', 'non_verb'],
    ['Caching regression', 'non_verb'],
    ['Rendering glitch on resize', 'non_verb'],
    ['Updates after review', 'non_verb'],
    ['Tweaks, mostly whitespace', 'non_verb'],
    ['Cleanups', 'non_verb'],
    // An object or a determiner keeps the verb.
    ['Updates the parser', 'third_person'],
    ['Tweaks the retry delay', 'third_person'],
    ['Spelling out the flags', 'gerund'],
    ['Naming the worker threads', 'gerund'],
    ['Fixing typo in the help text', 'gerund'],
    ['Adding tests for the uploader', 'gerund'],
    ['Removing warnings from the build', 'gerund'],
    ['Running tests in parallel', 'gerund'],
    // A list bullet in front is skipped.
    ['+ Added a quiet flag', 'past'],
    ['* Fix the pager', 'imperative'],
  ];
  for (const [description, mood] of table) {
    it(`${JSON.stringify(description)} is ${mood}`, () => assert.equal(classifyMood(description).mood, mood));
  }
});
