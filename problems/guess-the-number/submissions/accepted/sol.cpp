#include <iostream>
#include <string>

int main() {
  unsigned long long n;
  std::cin >> n;
  unsigned long long lo = 1, hi = n;
  for (;;) {
    unsigned long long mid = lo + (hi - lo) / 2;
    std::cout << mid << std::endl;  // endl flushes: the judge must see the guess now
    std::string reply;
    if (!(std::cin >> reply) || reply == "correct") return 0;
    if (reply == "higher") lo = mid + 1;
    else hi = mid - 1;
  }
}
