import { strict as assert } from 'node:assert';
import { EtagCache } from '../../../src/github/etagCache';

describe('github/etagCache persistence', () => {
  const entry = (etag: string) => ({ etag, status: 200, headers: [['content-type', 'application/json']] as [string, string][], body: '{}' });

  it('round-trips entries in recency order through JSON', () => {
    const cache = new EtagCache(10);
    cache.set('a', entry('"1"'));
    cache.set('b', entry('"2"'));
    cache.get('a');
    const copy = new EtagCache(10);
    assert.equal(copy.load(JSON.parse(JSON.stringify(cache))), 2);
    assert.deepEqual(copy.toJSON().entries.map(([k]) => k), ['b', 'a']);
    assert.equal(copy.get('b')?.etag, '"2"');
  });

  it('ignores another version, garbage and malformed entries', () => {
    const cache = new EtagCache();
    assert.equal(cache.load({ version: 2, entries: [['a', entry('"1"')]] }), 0);
    assert.equal(cache.load(null), 0);
    assert.equal(cache.load({ version: 1, entries: [['a', { etag: 1 }], 'x', ['b', entry('"2"')]] }), 1);
    assert.equal(cache.size, 1);
  });

  it('keeps its bound when loading more than it holds', () => {
    const cache = new EtagCache(2);
    cache.load({ version: 1, entries: [['a', entry('"1"')], ['b', entry('"2"')], ['c', entry('"3"')]] });
    assert.deepEqual(cache.toJSON().entries.map(([k]) => k), ['b', 'c']);
  });
});
