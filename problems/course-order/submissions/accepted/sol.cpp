#include <cstdio>
#include <vector>

// Depth-first search with three colours; a grey course reached again closes a cycle.
// Iterative, so a chain of 10^4 courses cannot overflow the stack.
int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    std::vector<std::vector<int>> after(n + 1);
    for (int i = 0; i < m; i++) {
        int a, b;
        if (scanf("%d %d", &a, &b) != 2) return 1;
        after[a].push_back(b);
    }
    enum { WHITE, GREY, BLACK };
    std::vector<int> colour(n + 1, WHITE), finished;
    std::vector<std::pair<int, size_t>> stack;
    for (int root = 1; root <= n; root++) {
        if (colour[root] != WHITE) continue;
        colour[root] = GREY;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto &[course, next] = stack.back();
            if (next < after[course].size()) {
                int child = after[course][next++];
                if (colour[child] == GREY) {
                    printf("IMPOSSIBLE\n");
                    return 0;
                }
                if (colour[child] == WHITE) {
                    colour[child] = GREY;
                    stack.push_back({child, 0});
                }
            } else {
                colour[course] = BLACK;
                finished.push_back(course);
                stack.pop_back();
            }
        }
    }
    // Reverse finishing order is a topological order.
    for (size_t i = finished.size(); i-- > 0;) printf("%d%c", finished[i], i ? ' ' : '\n');
    return 0;
}
