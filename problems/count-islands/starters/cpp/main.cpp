#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the number of islands: groups of # cells connected up, down, left or right.
long long count_islands(const vector<string> &grid) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int h;
    cin >> h;
    long long w;
    cin >> w;
    vector<string> grid(h);
    for (auto &x : grid) cin >> x;
    long long result = count_islands(grid);
    cout << result << '\n';
    return 0;
}
