#include <cstdio>
#include <unordered_map>

int main() {
    int n;
    long long target;
    if (scanf("%d %lld", &n, &target) != 2) return 1;
    std::unordered_map<long long, int> firstSeen;
    firstSeen.reserve(n * 2);
    for (int j = 0; j < n; j++) {
        long long x;
        if (scanf("%lld", &x) != 1) return 1;
        auto it = firstSeen.find(target - x);  // long long: target - x can reach 3e9
        if (it != firstSeen.end()) {
            printf("%d %d\n", it->second + 1, j + 1);
            return 0;
        }
        firstSeen.emplace(x, j);  // emplace keeps the earliest position
    }
    printf("-1\n");
    return 0;
}
