// Internal: writing JSON text directly, for results written by the thousand. The text
// is what nlohmann::ordered_json would dump for the same document (compact, UTF-8 as
// is, integral numbers as integers), so that to_json() can be this text parsed back.
// It is written through a raw pointer into a buffer grown ahead of each piece: a check
// result is ten kilobytes of a thousand short strings, and appending them to a
// std::string a character or a piece at a time cost a tenth of a check.
#pragma once

#include "io/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::io {

class JsonText {
 public:
  /// Room for `expected` bytes to start with (it grows as needed).
  explicit JsonText(std::size_t expected = 1024)
      : capacity_(std::max<std::size_t>(expected, 64)), buf_(new char[capacity_]), p_(buf_.get()), end_(p_ + capacity_) {}

  /// The text written.
  [[nodiscard]] std::string take() const { return {buf_.get(), static_cast<std::size_t>(p_ - buf_.get())}; }

  JsonText& begin_object() { return open('{'); }
  JsonText& end_object() { return close('}'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_array() { return close(']'); }

  /// The key of the next member of an object: a literal that needs no escaping, as every
  /// name of the result format is (copied whole).
  template <std::size_t N>
  JsonText& key(const char (&literal)[N]) {
    comma();
    room(N + 2);
    *p_ = '"';
    std::memcpy(p_ + 1, literal, N - 1);
    p_[N] = '"';
    p_[N + 1] = ':';
    p_ += N + 2;
    after_key_ = true;
    return *this;
  }
  /// The key of the next member of an object.
  JsonText& key(std::string_view k) {
    comma();
    quoted(k);
    put(':');
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
    put(b ? std::string_view("true") : std::string_view("false"));
    return *this;
  }
  JsonText& value(long long n) {
    comma();
    room(24);
    p_ = std::to_chars(p_, p_ + 24, n).ptr;
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
    put("null");
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
        put(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
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
    room(64);
    p_ = nlohmann::detail::to_chars(p_, p_ + 64, v);
    return *this;
  }
  JsonText& open(char ch) {
    comma();
    put(ch);
    first_.push_back(1);
    return *this;
  }
  JsonText& close(char ch) {
    put(ch);
    first_.pop_back();
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) put(',');
    first_.back() = 0;
  }
  /// True when one of the 8 bytes of w is below 0x20, a quote or a backslash.
  static bool needs_escape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
    // A byte below 0x20: x - 0x20 borrows into its high bit, unless that bit was set already.
    return (((w - 0x20 * ones) & ~w & highs) | zero_byte(w ^ ('"' * ones)) | zero_byte(w ^ ('\\' * ones))) != 0;
  }
  void quoted(std::string_view s) {
    // At most six bytes for each byte (\u00XX) and the quotes.
    room(6 * s.size() + 2);
    char* p = p_;
    *p++ = '"';
    const char* in = s.data();
    const char* const end = in + s.size();
    for (;;) {
      // Eight bytes at a time while none of them needs escaping (almost every string).
      while (end - in >= 8) {
        std::uint64_t w;
        std::memcpy(&w, in, 8);
        if (needs_escape(w)) break;
        std::memcpy(p, in, 8);
        p += 8, in += 8;
      }
      if (in == end) break;
      const auto ch = static_cast<unsigned char>(*in++);
      if (ch >= 0x20 && ch != '"' && ch != '\\') {
        *p++ = static_cast<char>(ch);
        continue;
      }
      *p++ = '\\';
      switch (ch) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default: {
          static const char* hex = "0123456789abcdef";
          *p++ = 'u', *p++ = '0', *p++ = '0';
          *p++ = hex[(ch >> 4) & 0xF];
          *p++ = hex[ch & 0xF];
        }
      }
    }
    *p++ = '"';
    p_ = p;
  }

  /// At least n bytes free at p_.
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  void grow(std::size_t n) {
    const std::size_t used = static_cast<std::size_t>(p_ - buf_.get());
    capacity_ = std::max(2 * capacity_, used + n);
    std::unique_ptr<char[]> grown(new char[capacity_]);
    std::memcpy(grown.get(), buf_.get(), used);
    buf_ = std::move(grown);
    p_ = buf_.get() + used;
    end_ = buf_.get() + capacity_;
  }
  void put(char c) {
    room(1);
    *p_++ = c;
  }
  void put(std::string_view s) {
    room(s.size());
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }

  // Not a std::string: one would fill its room with zeros first.
  std::size_t capacity_;
  std::unique_ptr<char[]> buf_;  ///< written up to p_; bytes from p_ to end_ are free
  char* p_;
  char* end_;
  std::string first_;  ///< per open object or array: 1 until its first member is written
  bool after_key_ = false;
};

}  // namespace barrierfree::io
