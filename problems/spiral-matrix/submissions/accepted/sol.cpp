#include <cstdio>
#include <vector>

int main() {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 1;
    std::vector<std::vector<int>> grid(r, std::vector<int>(c));
    for (auto &row : grid)
        for (int &x : row)
            if (scanf("%d", &x) != 1) return 1;
    // Walk and turn right whenever the next cell is off the grid or already read.
    std::vector<std::vector<bool>> seen(r, std::vector<bool>(c, false));
    const int dr[] = {0, 1, 0, -1}, dc[] = {1, 0, -1, 0};
    int i = 0, j = 0, d = 0;
    for (int k = 0; k < r * c; k++) {
        printf(k ? " %d" : "%d", grid[i][j]);
        seen[i][j] = true;
        int ni = i + dr[d], nj = j + dc[d];
        if (ni < 0 || ni >= r || nj < 0 || nj >= c || seen[ni][nj]) {
            d = (d + 1) % 4;
            ni = i + dr[d];
            nj = j + dc[d];
        }
        i = ni;
        j = nj;
    }
    printf("\n");
    return 0;
}
