import sys


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    h = data[1:1 + data[0]]
    # Two pointers: the side with the lower wall so far decides the water level on that side.
    left, right = 0, len(h) - 1
    left_max = right_max = water = 0
    while left < right:
        if h[left] <= h[right]:
            left_max = max(left_max, h[left])
            water += left_max - h[left]
            left += 1
        else:
            right_max = max(right_max, h[right])
            water += right_max - h[right]
            right -= 1
    print(water)


main()
