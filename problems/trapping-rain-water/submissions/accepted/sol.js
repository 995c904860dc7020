'use strict';
// The total stays below 1.5e13 (< 2^53), so plain numbers are exact.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const h = data.slice(1, 1 + data[0]);
let left = 0;
let right = h.length - 1;
let leftMax = 0;
let rightMax = 0;
let water = 0;
while (left < right) {
  if (h[left] <= h[right]) {
    leftMax = Math.max(leftMax, h[left]);
    water += leftMax - h[left];
    left++;
  } else {
    rightMax = Math.max(rightMax, h[right]);
    water += rightMax - h[right];
    right--;
  }
}
console.log(water);
