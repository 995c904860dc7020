#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int n, k;
    std::cin >> n >> k;
    std::unordered_map<std::string, int> counts;
    for (int i = 0; i < n; i++) {
        std::string tag;
        std::cin >> tag;
        counts[tag]++;
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto &[tag, count] : counts) ranked.emplace_back(-count, tag);
    // Only the first k need to be in order.
    std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end());
    for (int i = 0; i < k; i++) std::cout << ranked[i].second << '\n';
    return 0;
}
