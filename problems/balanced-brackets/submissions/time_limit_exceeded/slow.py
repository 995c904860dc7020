# Deletes adjacent pairs until nothing changes: O(n^2) on deeply nested strings.
import sys

words = sys.stdin.read().split()
for s in words[1:1 + int(words[0])]:
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            break
        s = shorter
    print("YES" if not s else "NO")
