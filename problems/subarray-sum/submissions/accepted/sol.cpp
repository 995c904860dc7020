#include <cstdio>
#include <unordered_map>

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 1;
    std::unordered_map<long long, int> seen;  // prefix sum -> how many times so far
    seen.reserve(2 * n + 1);
    seen[0] = 1;
    long long prefix = 0, streaks = 0;  // up to n(n+1)/2 = 2e8 streaks
    for (int i = 0; i < n; i++) {
        long long a;
        if (scanf("%lld", &a) != 1) return 1;
        prefix += a;
        auto it = seen.find(prefix - k);
        if (it != seen.end()) streaks += it->second;
        seen[prefix]++;
    }
    printf("%lld\n", streaks);
    return 0;
}
