#include <iostream>
#include <queue>
#include <string>
#include <unordered_map>
#include <unordered_set>

int main() {
    std::ios::sync_with_stdio(false);
    std::string start, end;
    int n;
    std::cin >> start >> end >> n;
    std::unordered_set<std::string> words;
    for (int i = 0; i < n; i++) {
        std::string w;
        std::cin >> w;
        words.insert(w);
    }
    if (!words.count(end)) {
        std::cout << 0 << '\n';
        return 0;
    }
    // Try all 25 * L one-letter changes of each word: 8 * 25 lookups per word.
    std::unordered_map<std::string, int> ladder{{start, 1}};
    std::queue<std::string> queue;
    queue.push(start);
    while (!queue.empty()) {
        std::string w = queue.front();
        queue.pop();
        int length = ladder[w];
        if (w == end) {
            std::cout << length << '\n';
            return 0;
        }
        for (size_t i = 0; i < w.size(); i++) {
            std::string next = w;
            for (char ch = 'a'; ch <= 'z'; ch++) {
                if (ch == w[i]) continue;
                next[i] = ch;
                if (words.count(next) && !ladder.count(next)) {
                    ladder[next] = length + 1;
                    queue.push(next);
                }
            }
        }
    }
    std::cout << 0 << '\n';
    return 0;
}
