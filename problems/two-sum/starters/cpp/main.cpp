#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
vector<long long> two_sum(long long target, const vector<long long> &a) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long target;
    cin >> target;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<long long> result = two_sum(target, a);
    if (result.empty()) cout << "-1";
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << ' ';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
