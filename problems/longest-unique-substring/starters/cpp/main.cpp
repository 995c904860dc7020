#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the length of the longest substring of s without a repeated character.
long long longest_fresh(const string &s) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    long long result = longest_fresh(s);
    cout << result << '\n';
    return 0;
}
