import * as fs from 'fs';

/** A cache of at most `capacity` entries that evicts the least recently used one. */
class LruCache {
  constructor(private readonly capacity: number) {
    // TODO: choose the data structures
  }

  /** Returns the value cached under key (and marks it used), or -1. */
  get(key: number): number {
    // TODO: write your solution here
    return -1;
  }

  /** Stores value under key, evicting the least recently used entry when full. */
  put(key: number, value: number): void {
    // TODO: write your solution here
  }
}

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

const capacity = Number(next());
const q = Number(next());
const cache = new LruCache(capacity);
const out: number[] = [];
for (let i = 0; i < q; i++) {
  const op = next();
  const key = Number(next());
  if (op === 'GET') out.push(cache.get(key));
  else cache.put(key, Number(next()));
}
console.log(out.join('\n'));
