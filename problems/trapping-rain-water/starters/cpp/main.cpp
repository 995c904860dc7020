#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the total units of rain water trapped between the buildings of the given heights.
long long trapped_water(const vector<long long> &heights) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> heights(n);
    for (auto &x : heights) cin >> x;
    long long result = trapped_water(heights);
    cout << result << '\n';
    return 0;
}
