'use strict';

/** A cache of at most `capacity` entries that evicts the least recently used one. */
class LruCache {
  /** @param {number} capacity */
  constructor(capacity) {
    this.capacity = capacity;
    // TODO: choose the data structures
  }

  /**
   * Returns the value cached under key (and marks it used), or -1.
   * @param {number} key
   * @returns {number}
   */
  get(key) {
    // TODO: write your solution here
    return -1;
  }

  /**
   * Stores value under key, evicting the least recently used entry when full.
   * @param {number} key
   * @param {number} value
   */
  put(key, value) {
    // TODO: write your solution here
  }
}

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

const capacity = Number(next());
const q = Number(next());
const cache = new LruCache(capacity);
const out = [];
for (let i = 0; i < q; i++) {
  const op = next();
  const key = Number(next());
  if (op === 'GET') out.push(cache.get(key));
  else cache.put(key, Number(next()));
}
console.log(out.join('\n'));
