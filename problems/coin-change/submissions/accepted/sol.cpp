#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n, x;
    if (scanf("%d %d", &n, &x) != 2) return 1;
    std::vector<int> coins(n);
    for (int &c : coins)
        if (scanf("%d", &c) != 1) return 1;
    const int unreachable = x + 1;
    std::vector<int> fewest(x + 1, unreachable);
    fewest[0] = 0;
    for (int amount = 1; amount <= x; amount++)
        for (int c : coins)
            if (c <= amount) fewest[amount] = std::min(fewest[amount], fewest[amount - c] + 1);
    printf("%d\n", fewest[x] == unreachable ? -1 : fewest[x]);
    return 0;
}
