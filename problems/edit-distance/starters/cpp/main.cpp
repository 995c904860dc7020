#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
long long typo_distance(const string &a, const string &b) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string a;
    cin >> a;
    string b;
    cin >> b;
    long long result = typo_distance(a, b);
    cout << result << '\n';
    return 0;
}
