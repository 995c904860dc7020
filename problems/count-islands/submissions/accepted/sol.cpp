#include <iostream>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int h, w;
    std::cin >> h >> w;
    std::vector<std::string> grid(h);
    for (auto &row : grid) std::cin >> row;
    int islands = 0;
    std::vector<std::pair<int, int>> stack;  // explicit: recursion could overflow on one big island
    for (int r0 = 0; r0 < h; r0++) {
        for (int c0 = 0; c0 < w; c0++) {
            if (grid[r0][c0] != '#') continue;
            islands++;
            grid[r0][c0] = '.';
            stack.push_back({r0, c0});
            while (!stack.empty()) {
                auto [r, c] = stack.back();
                stack.pop_back();
                const int dr[] = {-1, 1, 0, 0}, dc[] = {0, 0, -1, 1};
                for (int d = 0; d < 4; d++) {
                    int nr = r + dr[d], nc = c + dc[d];
                    if (nr < 0 || nr >= h || nc < 0 || nc >= w || grid[nr][nc] != '#') continue;
                    grid[nr][nc] = '.';
                    stack.push_back({nr, nc});
                }
            }
        }
    }
    std::cout << islands << '\n';
    return 0;
}
