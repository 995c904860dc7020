'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];

// A binary heap ordered by `before(a, b)`: Node has no priority queue built in.
class Heap {
  constructor(before) {
    this.items = [];
    this.before = before;
  }
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(value) {
    const a = this.items;
    a.push(value);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < a.length && this.before(a[l], a[best])) best = l;
        if (r < a.length && this.before(a[r], a[best])) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best], a[i]];
        i = best;
      }
    }
    return top;
  }
}

function show(twice) {
  const sign = twice < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(twice) / 2);
  return Math.abs(twice) % 2 === 1 ? `${sign}${whole}.5` : `${sign}${whole}`;
}

const low = new Heap((a, b) => a > b); // smaller half, largest on top
const high = new Heap((a, b) => a < b); // larger half, smallest on top
const out = [];
for (let i = 1; i <= n; i++) {
  const v = data[i];
  if (low.size > 0 && v > low.peek()) high.push(v);
  else low.push(v);
  if (low.size > high.size + 1) high.push(low.pop());
  else if (high.size > low.size) low.push(high.pop());
  out.push(show(low.size > high.size ? 2 * low.peek() : low.peek() + high.peek()));
}
console.log(out.join('\n'));
