# Counts each kind of bracket on its own, so it accepts crossed pairs such as "([)]".
import sys

words = sys.stdin.read().split()
for s in words[1:1 + int(words[0])]:
    depth = {"(": 0, "[": 0, "{": 0}
    ok = True
    for ch in s:
        if ch in depth:
            depth[ch] += 1
        else:
            kind = {")": "(", "]": "[", "}": "{"}[ch]
            depth[kind] -= 1
            if depth[kind] < 0:
                ok = False
    print("YES" if ok and not any(depth.values()) else "NO")
