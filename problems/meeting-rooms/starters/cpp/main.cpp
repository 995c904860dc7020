#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
long long min_rooms(const vector<vector<long long>> &meetings) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<vector<long long>> meetings(n, vector<long long>(2));
    for (auto &row : meetings)
        for (auto &x : row) cin >> x;
    long long result = min_rooms(meetings);
    cout << result << '\n';
    return 0;
}
