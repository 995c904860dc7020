#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Return the area of the simple polygon whose corners are given in order (either way round).
double plot_area(const vector<vector<double>> &corners) {
    // TODO: write your solution here
    return 0.0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<vector<double>> corners(n, vector<double>(2));
    for (auto &row : corners)
        for (auto &x : row) cin >> x;
    double result = plot_area(corners);
    cout << fixed << setprecision(6) << result << '\n';
    return 0;
}
