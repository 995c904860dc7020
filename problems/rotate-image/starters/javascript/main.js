'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
 * @param {number} k
 * @param {number[][]} tile
 * @returns {number[][]}
 */
function rotateTile(k, tile) {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const tile = Array.from({ length: n }, () => Array.from({ length: n }, () => Number(next())));
const result = rotateTile(k, tile);
console.log(result.map((row) => row.join(' ')).join('\n'));
