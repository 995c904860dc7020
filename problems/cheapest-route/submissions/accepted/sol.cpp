#include <cstdio>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    std::vector<std::vector<std::pair<int, long long>>> roads(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long w;
        if (scanf("%d %d %lld", &u, &v, &w) != 3) return 1;
        roads[u].push_back({v, w});
    }
    std::vector<long long> dist(n + 1, -1);
    using Entry = std::pair<long long, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    heap.push({0, 1});
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (dist[u] != -1) continue;
        dist[u] = d;
        for (auto [v, w] : roads[u])
            if (dist[v] == -1) heap.push({d + w, v});
    }
    for (int d = 1; d <= n; d++) printf("%lld\n", dist[d]);
    return 0;
}
