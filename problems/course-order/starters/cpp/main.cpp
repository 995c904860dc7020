#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
vector<long long> plan_courses(long long n, const vector<vector<long long>> &prerequisites) {
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
    vector<vector<long long>> prerequisites(m, vector<long long>(2));
    for (auto &row : prerequisites)
        for (auto &x : row) cin >> x;
    vector<long long> result = plan_courses(n, prerequisites);
    if (result.empty()) cout << "IMPOSSIBLE";
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << ' ';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
