#include <iostream>
#include <string>

int main() {
  unsigned long long n;
  std::cin >> n;
  // TODO: guess until the judge answers "correct" (std::endl flushes every guess)
  unsigned long long guess = 1;
  std::cout << guess << std::endl;
  std::string reply;  // "lower", "higher" or "correct"
  std::cin >> reply;
}
