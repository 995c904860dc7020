#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    std::vector<double> x(n), y(n);
    for (int i = 0; i < n; i++)
        if (scanf("%lf %lf", &x[i], &y[i]) != 2) return 1;
    // Shoelace formula, shifted to the first corner to keep the products small and precise.
    double twice = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        twice += (x[i] - x[0]) * (y[j] - y[0]) - (x[j] - x[0]) * (y[i] - y[0]);
    }
    printf("%.9f\n", std::fabs(twice) / 2);
    return 0;
}
