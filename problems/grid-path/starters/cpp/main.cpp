#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the smallest number of steps from S to E, or -1 if E cannot be reached.
long long shortest_route(const vector<string> &grid) {
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
    long long result = shortest_route(grid);
    cout << result << '\n';
    return 0;
}
