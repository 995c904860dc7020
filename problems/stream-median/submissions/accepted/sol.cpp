#include <cstdio>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::priority_queue<long long> low;                                              // smaller half
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> high;  // larger half
    for (int i = 0; i < n; i++) {
        long long v;
        if (scanf("%lld", &v) != 1) return 1;
        if (!low.empty() && v > low.top()) high.push(v);
        else low.push(v);
        if (low.size() > high.size() + 1) {
            high.push(low.top());
            low.pop();
        } else if (high.size() > low.size()) {
            low.push(high.top());
            high.pop();
        }
        // Twice the median is an integer; print it halved without floating point.
        long long twice = low.size() > high.size() ? 2 * low.top() : low.top() + high.top();
        const char *sign = twice < 0 ? "-" : "";
        if (llabs(twice) % 2) printf("%s%lld.5\n", sign, llabs(twice) / 2);
        else printf("%s%lld\n", sign, llabs(twice) / 2);
    }
    return 0;
}
