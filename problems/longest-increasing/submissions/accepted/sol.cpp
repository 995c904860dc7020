#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<long long> tails;  // tails[k]: smallest last value of a streak of length k + 1
    for (int i = 0; i < n; i++) {
        long long t;
        if (scanf("%lld", &t) != 1) return 1;
        auto it = std::lower_bound(tails.begin(), tails.end(), t);  // strict: equal replaces
        if (it == tails.end()) tails.push_back(t);
        else *it = t;
    }
    printf("%zu\n", tails.size());
    return 0;
}
