#include <iostream>
#include <queue>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int h, w;
    std::cin >> h >> w;
    std::vector<std::string> grid(h);
    int start = 0, end = 0;
    for (int r = 0; r < h; r++) {
        std::cin >> grid[r];
        for (int c = 0; c < w; c++) {
            if (grid[r][c] == 'S') start = r * w + c;
            if (grid[r][c] == 'E') end = r * w + c;
        }
    }
    std::vector<int> dist(h * w, -1);
    std::queue<int> queue;
    dist[start] = 0;
    queue.push(start);
    const int dr[] = {-1, 1, 0, 0}, dc[] = {0, 0, -1, 1};
    while (!queue.empty() && dist[end] == -1) {
        int cell = queue.front();
        queue.pop();
        int r = cell / w, c = cell % w;
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr < 0 || nr >= h || nc < 0 || nc >= w || grid[nr][nc] == '#') continue;
            int next = nr * w + nc;
            if (dist[next] != -1) continue;
            dist[next] = dist[cell] + 1;
            queue.push(next);
        }
    }
    std::cout << dist[end] << '\n';
    return 0;
}
