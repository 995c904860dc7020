#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
vector<vector<long long>> rotate_tile(long long k, const vector<vector<long long>> &tile) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long k;
    cin >> k;
    vector<vector<long long>> tile(n, vector<long long>(n));
    for (auto &row : tile)
        for (auto &x : row) cin >> x;
    vector<vector<long long>> result = rotate_tile(k, tile);
    for (const auto &row : result) {
        for (size_t j = 0; j < row.size(); j++) {
            if (j > 0) cout << ' ';
            cout << row[j];
        }
        cout << '\n';
    }
    return 0;
}
