#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return how many runs of consecutive changes add up to exactly k.
long long count_streaks(long long k, const vector<long long> &changes) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long k;
    cin >> k;
    vector<long long> changes(n);
    for (auto &x : changes) cin >> x;
    long long result = count_streaks(k, changes);
    cout << result << '\n';
    return 0;
}
