// The interactor of "Guess the Number" (Kattis convention for interactive problems):
//   validate <input> <judge_answer> <feedback_dir>, stdin = the program's output, stdout = its input.
// The input holds n and the secret. Exit 42 when the program finds the secret within the allowed
// guesses, 43 otherwise, with the reason in feedback_dir/judgemessage.txt.
#include <csignal>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) return 1;
  std::signal(SIGPIPE, SIG_IGN);  // a program that has left must not take the interactor with it
  std::ifstream in(argv[1]);
  unsigned long long n, secret;
  if (!(in >> n >> secret)) return 1;
  std::ofstream msg(std::string(argv[3]) + "/judgemessage.txt");
  int allowed = 0;  // floor(log2 n) + 1: the bit length of n
  for (unsigned long long m = n; m > 0; m >>= 1) allowed++;
  std::cout << n << std::endl;
  for (int guesses = 1;; guesses++) {
    std::string token;
    if (!(std::cin >> token)) {
      msg << "the program stopped after " << guesses - 1 << " guesses without finding the number\n";
      return 43;
    }
    if (guesses > allowed) {
      msg << "more than " << allowed << " guesses\n";
      return 43;
    }
    unsigned long long g;
    try {
      size_t used = 0;
      g = std::stoull(token, &used);
      if (used != token.size() || token[0] == '-') throw std::invalid_argument("sign");
    } catch (const std::exception&) {
      msg << "guess " << guesses << " is not a whole number: \"" << token.substr(0, 40) << "\"\n";
      return 43;
    }
    if (g < 1 || g > n) {
      msg << "guess " << guesses << " (" << g << ") is outside 1.." << n << "\n";
      return 43;
    }
    if (g == secret) {
      std::cout << "correct" << std::endl;
      msg << "found in " << guesses << " guesses\n";
      return 42;
    }
    std::cout << (g < secret ? "higher" : "lower") << std::endl;
  }
}
