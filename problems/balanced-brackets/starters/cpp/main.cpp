#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return "YES" or "NO" for each string: whether its brackets are balanced.
vector<string> check_brackets(const vector<string> &strings) {
    // TODO: write your solution here
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    vector<string> strings(t);
    for (auto &x : strings) cin >> x;
    vector<string> result = check_brackets(strings);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << '\n';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
