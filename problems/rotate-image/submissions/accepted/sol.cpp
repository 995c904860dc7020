#include <cstdio>
#include <vector>

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 1;
    std::vector<std::vector<int>> tile(n, std::vector<int>(n));
    for (auto &row : tile)
        for (int &x : row)
            if (scanf("%d", &x) != 1) return 1;
    int turns = static_cast<int>(((k % 4) + 4) % 4);  // C++ % keeps the sign of k
    for (int t = 0; t < turns; t++) {
        std::vector<std::vector<int>> turned(n, std::vector<int>(n));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) turned[j][n - 1 - i] = tile[i][j];
        tile.swap(turned);
    }
    for (const auto &row : tile)
        for (int j = 0; j < n; j++) printf(j + 1 < n ? "%d " : "%d\n", row[j]);
    return 0;
}
