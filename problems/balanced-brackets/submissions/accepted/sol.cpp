#include <iostream>
#include <string>
#include <vector>

static bool balanced(const std::string &s) {
    std::vector<char> stack;
    for (char ch : s) {
        if (ch == '(' || ch == '[' || ch == '{') {
            stack.push_back(ch);
            continue;
        }
        char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
        if (stack.empty() || stack.back() != open) return false;
        stack.pop_back();
    }
    return stack.empty();
}

int main() {
    std::ios::sync_with_stdio(false);
    int t;
    std::cin >> t;
    std::string s;
    while (t-- > 0 && std::cin >> s) std::cout << (balanced(s) ? "YES" : "NO") << '\n';
    return 0;
}
