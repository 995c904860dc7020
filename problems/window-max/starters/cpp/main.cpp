#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the maximum of every window of k consecutive readings, first window first.
vector<long long> window_maxima(long long k, const vector<long long> &loads) {
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
    vector<long long> loads(n);
    for (auto &x : loads) cin >> x;
    vector<long long> result = window_maxima(k, loads);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << ' ';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
