#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<std::pair<long long, long long>> blocks(n);
    for (auto &b : blocks)
        if (scanf("%lld %lld", &b.first, &b.second) != 2) return 1;
    std::sort(blocks.begin(), blocks.end());
    std::vector<std::pair<long long, long long>> merged;
    for (const auto &b : blocks) {
        if (!merged.empty() && b.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, b.second);
        else
            merged.push_back(b);
    }
    for (const auto &m : merged) printf("%lld %lld\n", m.first, m.second);
    return 0;
}
