'use strict';
const words = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const PARTNER = { ')': '(', ']': '[', '}': '{' };

function balanced(s) {
  const stack = [];
  for (const ch of s) {
    if (ch in PARTNER) {
      if (stack.length === 0 || stack.pop() !== PARTNER[ch]) return false;
    } else {
      stack.push(ch);
    }
  }
  return stack.length === 0;
}

const t = Number(words[0]);
console.log(words.slice(1, 1 + t).map((s) => (balanced(s) ? 'YES' : 'NO')).join('\n'));
