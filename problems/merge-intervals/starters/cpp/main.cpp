#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
vector<vector<long long>> merge_blocks(const vector<vector<long long>> &blocks) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<vector<long long>> blocks(n, vector<long long>(2));
    for (auto &row : blocks)
        for (auto &x : row) cin >> x;
    vector<vector<long long>> result = merge_blocks(blocks);
    for (const auto &row : result) {
        for (size_t j = 0; j < row.size(); j++) {
            if (j > 0) cout << ' ';
            cout << row[j];
        }
        cout << '\n';
    }
    return 0;
}
