// Internal: writing JSON text directly, for results written by the thousand. The text
// is what nlohmann::ordered_json would dump for the same document (compact, UTF-8 as
// is, integral numbers as integers), so that to_json() can be this text parsed back.
#pragma once

#include "io/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::io {

class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  JsonText& begin_object() { return open('{'); }
  JsonText& end_object() { return close('}'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_array() { return close(']'); }

  /// The key of the next member of an object.
  JsonText& key(std::string_view k) {
    comma();
    quoted(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }

  JsonText& value(std::string_view s) {
    comma();
    quoted(s);
    return *this;
  }
  JsonText& value(const char* s) { return value(std::string_view(s)); }
  JsonText& value(const std::string& s) { return value(std::string_view(s)); }
  JsonText& value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonText& value(long long n) {
    comma();
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out_.append(buf, end);
    return *this;
  }
  JsonText& value(int n) { return value(static_cast<long long>(n)); }
  JsonText& value(std::size_t n) { return value(static_cast<long long>(n)); }
  /// A number as io::number writes it: integers without a fraction.
  JsonText& number(double v) {
    if (written_as_integer(v)) return value(static_cast<long long>(v));
    return double_value(v);
  }
  JsonText& null() {
    comma();
    out_ += "null";
    return *this;
  }
  /// Any JSON value, as nlohmann dumps it (walked here: dump() sets up a serializer per call).
  JsonText& json(const nlohmann::ordered_json& j) {
    using T = nlohmann::ordered_json::value_t;
    switch (j.type()) {
      case T::object:
        begin_object();
        for (auto it = j.begin(); it != j.end(); ++it) key(it.key()).json(*it);
        return end_object();
      case T::array:
        begin_array();
        for (const auto& v : j) json(v);
        return end_array();
      case T::string:
        // Raw bytes, as every string of a result is written: dump() would replace invalid UTF-8, which
        // a case read from text cannot hold (the parser refuses it); one built in C++ could.
        return value(std::string_view(j.get_ref<const std::string&>()));
      case T::boolean: return value(j.get<bool>());
      case T::number_integer: return value(static_cast<long long>(j.get<std::int64_t>()));
      case T::number_float: return double_value(j.get<double>());  // keeps its fraction ("100.0"), as dump() does
      default: {
        comma();
        out_ += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        return *this;
      }
    }
  }
  JsonText& strings(const std::vector<std::string>& list) {
    begin_array();
    for (const std::string& s : list) value(s);
    return end_array();
  }

 private:
  /// A double as dump() writes one, with nlohmann's own shortest round-trip
  /// formatting, without building a value to dump; null when not finite.
  JsonText& double_value(double v) {
    if (!std::isfinite(v)) return null();
    comma();
    char buf[64];
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<std::size_t>(end - buf));
    return *this;
  }
  JsonText& open(char ch) {
    comma();
    out_ += ch;
    first_.push_back(true);
    return *this;
  }
  JsonText& close(char ch) {
    out_ += ch;
    first_.pop_back();
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void quoted(std::string_view s) {
    out_ += '"';
    // Runs of characters that need no escape are copied whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto ch = static_cast<unsigned char>(s[i]);
      if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (ch) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static const char* hex = "0123456789abcdef";
          out_ += "\\u00";
          out_ += hex[(ch >> 4) & 0xF];
          out_ += hex[ch & 0xF];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace barrierfree::io
