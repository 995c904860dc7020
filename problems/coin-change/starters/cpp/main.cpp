#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
long long fewest_tokens(long long x, const vector<long long> &coins) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long x;
    cin >> x;
    vector<long long> coins(n);
    for (auto &x : coins) cin >> x;
    long long result = fewest_tokens(x, coins);
    cout << result << '\n';
    return 0;
}
