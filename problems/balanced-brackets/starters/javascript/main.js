'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return "YES" or "NO" for each string: whether its brackets are balanced.
 * @param {string[]} strings
 * @returns {string[]}
 */
function checkBrackets(strings) {
  // TODO: write your solution here
  return [];
}

const t = Number(next());
const strings = Array.from({ length: t }, () => next());
const result = checkBrackets(strings);
console.log(result.join('\n'));
