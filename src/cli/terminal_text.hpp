// Text for a terminal: what the command line prints to standard error, and to standard output
// except a batch's JSON, passes through this filter, so that a case cannot move the cursor,
// clear the screen or retitle the window of whoever validates it (an id or a misspelt value
// is quoted back in the messages). Control characters other than newline, tab and carriage
// return (the progress bar) are written as \xNN, and the C1 controls of UTF-8 (U+0080–U+009F,
// some terminals take U+009B for an escape) as \u00NN.
#pragma once

#include <cstdio>
#include <streambuf>

namespace barrierfree::cli {

class TerminalText : public std::streambuf {
 public:
  explicit TerminalText(std::streambuf* to) : to_(to) {}

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    return put(static_cast<unsigned char>(traits_type::to_char_type(ch))) ? ch : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i)
      if (!put(static_cast<unsigned char>(s[i]))) return i;
    return n;
  }
  int sync() override { return flush_lead() && to_->pubsync() == 0 ? 0 : -1; }

 private:
  bool raw(const char* s, std::streamsize n) { return to_->sputn(s, n) == n; }
  bool escaped(const char* format, unsigned value) {
    char text[8];
    const int n = std::snprintf(text, sizeof text, format, value);
    return raw(text, n);
  }
  bool flush_lead() {
    if (!lead_) return true;
    const char c = '\xC2';
    lead_ = false;
    return raw(&c, 1);
  }
  bool put(unsigned char c) {
    if (lead_) {  // after 0xC2: a C1 control is 0x80–0x9F
      lead_ = false;
      if (c >= 0x80 && c <= 0x9F) return escaped("\\u%04x", c);
      const char l = '\xC2';
      if (!raw(&l, 1)) return false;
    }
    if (c == 0xC2) {
      lead_ = true;
      return true;
    }
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) return escaped("\\x%02x", c);
    const char ch = static_cast<char>(c);
    return raw(&ch, 1);
  }

  std::streambuf* to_;
  bool lead_ = false;  ///< a 0xC2 held back until the next byte says whether it opens a C1 control
};

}  // namespace barrierfree::cli
