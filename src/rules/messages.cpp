#include "rules/messages.hpp"

#include "util/embedded.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace barrierfree::rules::messages {

namespace {

struct Table {
  Text insufficient;
  std::map<std::string, Text, std::less<>> fail;
  std::map<std::string, Text, std::less<>> title;
};

const Table& table() {
  static const Table t = [] {
    Table out;
    const auto doc = nlohmann::json::parse(util::embedded_file("rules/messages.json"));
    out.insufficient = {doc["insufficient_data"]["en"], doc["insufficient_data"]["zh"]};
    for (auto it = doc["checks"].begin(); it != doc["checks"].end(); ++it) {
      out.fail[it.key()] = {(*it)["fail"]["en"], (*it)["fail"]["zh"]};
      out.title[it.key()] = {(*it)["title"]["en"], (*it)["title"]["zh"]};
    }
    return out;
  }();
  return t;
}

Text lookup(const std::map<std::string, Text, std::less<>>& m, std::string_view key) {
  auto it = m.find(key);
  return it == m.end() ? Text{} : it->second;
}

}  // namespace

const Text& insufficient() { return table().insufficient; }
Text fail(std::string_view check) { return lookup(table().fail, check); }
Text title(std::string_view check) { return lookup(table().title, check); }

}  // namespace barrierfree::rules::messages
