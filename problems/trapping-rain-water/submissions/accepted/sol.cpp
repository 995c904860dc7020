#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<long long> h(n);
    for (auto &x : h)
        if (scanf("%lld", &x) != 1) return 1;
    // Prefix and suffix maxima: the water level above i is the lower of the two.
    std::vector<long long> leftMax(n), rightMax(n);
    for (int i = 0; i < n; i++) leftMax[i] = std::max(h[i], i ? leftMax[i - 1] : 0LL);
    for (int i = n - 1; i >= 0; i--) rightMax[i] = std::max(h[i], i + 1 < n ? rightMax[i + 1] : 0LL);
    long long water = 0;  // up to 1.5e13: needs 64 bits
    for (int i = 0; i < n; i++) water += std::min(leftMax[i], rightMax[i]) - h[i];
    printf("%lld\n", water);
    return 0;
}
