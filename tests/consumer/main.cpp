// The README's C++ example, built against the installed package.
#include <barrierfree/barrierfree.hpp>
#include <iostream>

int main(int argc, char** argv) {
  try {
    const barrierfree::Case home = barrierfree::load_case(argv[1]);
    const barrierfree::CheckResult result = barrierfree::check(home);  // the case's own standard
    for (const barrierfree::Finding& f : result.findings)
      std::cout << f.id << " " << f.check << " " << f.element << ": " << f.message.en << '\n';
  } catch (const barrierfree::InputError& e) {
    for (const auto& error : e.errors()) std::cerr << to_string(error) << '\n';
    return 1;
  }
}
