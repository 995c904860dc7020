import sys

PARTNER = {")": "(", "]": "[", "}": "{"}


def balanced(s: str) -> bool:
    stack = []
    for ch in s:
        if ch in PARTNER:
            if not stack or stack.pop() != PARTNER[ch]:
                return False
        else:
            stack.append(ch)
    return not stack


def main() -> None:
    lines = sys.stdin.read().split()
    t = int(lines[0])
    print("\n".join("YES" if balanced(s) else "NO" for s in lines[1:1 + t]))


main()
