#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the median after each value, formatted as "3", "-2" or "2.5".
vector<string> running_medians(const vector<long long> &values) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> values(n);
    for (auto &x : values) cin >> x;
    vector<string> result = running_medians(values);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << '\n';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
