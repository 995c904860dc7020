#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
vector<long long> cheapest_tolls(long long n, const vector<vector<long long>> &roads) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    long long n;
    cin >> n;
    int m;
    cin >> m;
    vector<vector<long long>> roads(m, vector<long long>(3));
    for (auto &row : roads)
        for (auto &x : row) cin >> x;
    vector<long long> result = cheapest_tolls(n, roads);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << '\n';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
