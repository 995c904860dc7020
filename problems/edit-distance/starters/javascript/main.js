'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function typoDistance(a, b) {
  // TODO: write your solution here
  return 0;
}

const a = next();
const b = next();
const result = typoDistance(a, b);
console.log(String(result));
