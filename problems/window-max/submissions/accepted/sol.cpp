#include <cstdio>
#include <deque>
#include <vector>

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 1;
    std::vector<int> a(n);
    for (int &x : a)
        if (scanf("%d", &x) != 1) return 1;
    std::deque<int> window;  // indices with decreasing values
    for (int i = 0; i < n; i++) {
        while (!window.empty() && a[window.back()] <= a[i]) window.pop_back();
        window.push_back(i);
        if (window.front() <= i - k) window.pop_front();
        if (i >= k - 1) printf(i == k - 1 ? "%d" : " %d", a[window.front()]);
    }
    printf("\n");
    return 0;
}
