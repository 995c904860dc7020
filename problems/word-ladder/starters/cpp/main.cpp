#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the number of words in the shortest ladder from start to end (0 if none).
long long ladder_length(const string &start, const string &end, const vector<string> &words) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string start;
    cin >> start;
    string end;
    cin >> end;
    int n;
    cin >> n;
    vector<string> words(n);
    for (auto &x : words) cin >> x;
    long long result = ladder_length(start, end, words);
    cout << result << '\n';
    return 0;
}
