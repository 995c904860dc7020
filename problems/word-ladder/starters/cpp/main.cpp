#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
long long ladder_length(const string &begin_word, const string &end_word, const vector<string> &words) {
    // TODO: write your solution here
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string begin_word;
    cin >> begin_word;
    string end_word;
    cin >> end_word;
    int n;
    cin >> n;
    vector<string> words(n);
    for (auto &x : words) cin >> x;
    long long result = ladder_length(begin_word, end_word, words);
    cout << result << '\n';
    return 0;
}
