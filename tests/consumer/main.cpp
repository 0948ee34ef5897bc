// Reads a case with the installed library and prints what it found.
#include <barrierfree/barrierfree.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const barrierfree::Case c = barrierfree::load_case(argv[1]);
  std::cout << "barrierfree " << barrierfree::version << ": case " << c.id << " with "
            << c.rooms.size() << " rooms\n";
  return c.rooms.empty() ? 1 : 0;
}
