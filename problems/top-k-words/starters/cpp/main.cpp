#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the k most frequent tags, most frequent first, ties in alphabetical order.
vector<string> top_tags(long long k, const vector<string> &tags) {
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
    vector<string> tags(n);
    for (auto &x : tags) cin >> x;
    vector<string> result = top_tags(k, tags);
    for (size_t i = 0; i < result.size(); i++) {
        if (i > 0) cout << '\n';
        cout << result[i];
    }
    cout << '\n';
    return 0;
}
