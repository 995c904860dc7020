#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the length of the longest strictly increasing subsequence of temps.
long long longest_rising(const vector<long long> &temps) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> temps(n);
    for (auto &x : temps) cin >> x;
    long long result = longest_rising(temps);
    cout << result << '\n';
    return 0;
}
