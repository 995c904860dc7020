#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the readings of grid in clockwise spiral order, starting at the top left.
vector<long long> spiral_order(const vector<vector<long long>> &grid) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r;
    cin >> r;
    int c;
    cin >> c;
    vector<vector<long long>> grid(r, vector<long long>(c));
    for (auto &row : grid)
        for (auto &x : row) cin >> x;
    vector<long long> result = spiral_order(grid);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << ' ';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
