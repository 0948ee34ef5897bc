// A read-only JSON document for reading cases: every value in one array, every
// string in one buffer, members and elements as ranges of an index array.
//
// nlohmann::json builds a std::map node and a std::string per value, and frees
// them all again: for a 3.5 KiB case that was half of the time spent reading it.
// The text is parsed by simdjson where the library was built with it (the whole
// read 2.5 times as fast) and otherwise, or when simdjson refuses text that
// nlohmann accepts (integers beyond 64 bits, a byte order mark, deep nesting)
// or the text is very large, through nlohmann's SAX interface: the same
// document either way. One document
// per thread is reused from case to case, so reading a case allocates almost
// nothing.
//
// Objects keep their members in the order of the text; of a name given twice,
// find() gives the last value, as nlohmann::json keeps it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::io {

class JsonDocument;

class JsonValue {
 public:
  /// `other`: what only an nlohmann::json built in code holds (binary, discarded).
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object, other };

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_null() const { return kind_ == Kind::null; }
  [[nodiscard]] bool is_boolean() const { return kind_ == Kind::boolean; }
  [[nodiscard]] bool is_number() const { return kind_ == Kind::number; }
  [[nodiscard]] bool is_string() const { return kind_ == Kind::string; }
  [[nodiscard]] bool is_array() const { return kind_ == Kind::array; }
  [[nodiscard]] bool is_object() const { return kind_ == Kind::object; }

  [[nodiscard]] bool boolean() const { return boolean_; }
  [[nodiscard]] double number() const { return number_; }
  [[nodiscard]] std::string_view string() const;
  /// The member's name, for a value inside an object.
  [[nodiscard]] std::string_view key() const;

  /// Elements of an array or members of an object, a repeated name each time (0 for anything else).
  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] const JsonValue& operator[](std::size_t i) const;
  /// The member called `key` (the last, if given twice), or nullptr (also when this is not an object).
  [[nodiscard]] const JsonValue* find(std::string_view key) const;
  [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }

 private:
  friend class JsonDocument;
  const JsonDocument* doc_ = nullptr;
  double number_ = 0;
  std::uint32_t text_at_ = 0, text_size_ = 0;  // a string's value in the document's text buffer
  std::uint32_t key_at_ = 0, key_size_ = 0;    // a member's name, likewise
  std::uint32_t first_ = 0, count_ = 0;        // children: a range of the document's index array
  Kind kind_ = Kind::null;
  bool boolean_ = false;
};

class JsonDocument {
 public:
  JsonDocument();
  ~JsonDocument();
  // Values point back at their document.
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;


  /// The longest text a document holds (its offsets are 32-bit): std::length_error beyond.
  static constexpr std::size_t max_text = 0xFFFFFFFF;

  /// Parse `text` (at most max_text bytes); false when it is not JSON (nlohmann's parser says why: see read_case).
  bool parse(std::string_view text);
  /// Parse `text` with nlohmann's parser only (what parse() falls back to; tests compare the two).
  bool parse_with_nlohmann(std::string_view text);
  /// The same document as an nlohmann::json value (however deeply nested).
  void assign(const nlohmann::json& value);
  /// Give the memory back when the document holds more than `bytes` (one huge
  /// case should not keep a thread's scratch document huge).
  void shrink_to(std::size_t bytes);
  /// The memory the document keeps for the next text (simdjson's: the size of the text it can take).
  [[nodiscard]] std::size_t held_bytes() const;

  [[nodiscard]] const JsonValue& root() const { return values_[root_]; }

 private:
  friend class JsonValue;
  friend struct DocumentBuilder;

  void clear();
  // Each producer (simdjson, nlohmann's SAX events, an nlohmann value) adds values
  // through these; a value takes the name last set as its member name.
  std::uint32_t add(JsonValue::Kind kind);
  std::uint32_t add_string(std::string_view s);
  std::uint32_t add_number(double v);
  std::uint32_t add_boolean(bool b);
  void set_key(std::string_view k);
  std::uint32_t add_text(std::string_view s);
  /// Close the container at `container` whose children are pending_[from…].
  void close(std::uint32_t container, std::size_t from);
  /// A value that is not an array or object.
  std::uint32_t scalar(const nlohmann::json& value);

  struct Simdjson;
  std::unique_ptr<Simdjson> simdjson_;  // its parser, with buffers kept from text to text

  std::vector<JsonValue> values_;
  std::vector<std::uint32_t> children_;
  std::string text_;
  std::vector<std::uint32_t> pending_;  // children of the containers still open, in order
  std::uint32_t root_ = 0;
  std::uint32_t key_at_ = 0, key_size_ = 0;  // the name of the member whose value comes next
};

inline std::string_view JsonValue::string() const { return {doc_->text_.data() + text_at_, text_size_}; }
inline std::string_view JsonValue::key() const { return {doc_->text_.data() + key_at_, key_size_}; }
inline const JsonValue& JsonValue::operator[](std::size_t i) const {
  return doc_->values_[doc_->children_[first_ + i]];
}

}  // namespace barrierfree::io
