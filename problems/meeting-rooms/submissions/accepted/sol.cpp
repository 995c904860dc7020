#include <algorithm>
#include <cstdio>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<std::pair<long long, long long>> meetings(n);
    for (auto &m : meetings)
        if (scanf("%lld %lld", &m.first, &m.second) != 2) return 1;
    std::sort(meetings.begin(), meetings.end());
    // End times of the meetings in progress; the earliest one frees a room first.
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> ends;
    size_t rooms = 0;
    for (const auto &[start, end] : meetings) {
        if (!ends.empty() && ends.top() <= start) ends.pop();  // half-open: end == start is free
        ends.push(end);
        rooms = std::max(rooms, ends.size());
    }
    printf("%zu\n", rooms);
    return 0;
}
