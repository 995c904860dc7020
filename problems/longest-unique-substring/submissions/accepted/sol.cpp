#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::string s;
    std::cin >> s;
    std::vector<int> last(128, -1);  // printable ASCII -> latest position
    int start = 0, best = 0;
    for (int i = 0; i < static_cast<int>(s.size()); i++) {
        unsigned char ch = s[i];
        start = std::max(start, last[ch] + 1);  // never move the window's start backwards
        last[ch] = i;
        best = std::max(best, i - start + 1);
    }
    std::cout << best << '\n';
    return 0;
}
