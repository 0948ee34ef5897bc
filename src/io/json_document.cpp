#include "io/json_document.hpp"

#include <optional>
#include <stdexcept>

#ifdef BARRIERFREE_HAVE_SIMDJSON
#include <simdjson.h>
#endif

namespace barrierfree::io {

const JsonValue* JsonValue::find(std::string_view key) const {
  if (kind_ != Kind::object) return nullptr;
  for (std::uint32_t i = count_; i-- > 0;) {  // from the end: a repeated name's last value counts
    const JsonValue& member = (*this)[i];
    if (member.key_size_ == key.size() && member.key() == key) return &member;
  }
  return nullptr;
}

#ifdef BARRIERFREE_HAVE_SIMDJSON
struct JsonDocument::Simdjson {
  // Cases nest a few levels: deeper text goes to nlohmann's parser, which does not recurse
  // (the copy below does, so its depth is kept small).
  static constexpr std::size_t max_depth = 256;
  // simdjson holds about 15 times the text it parses: larger texts go to nlohmann too.
  static constexpr std::size_t max_text = std::size_t{64} << 20;
  Simdjson() {
    // Should this fail, parse() allocates what each text needs, with simdjson's own depth limit (1024).
    [[maybe_unused]] const simdjson::error_code allocated = parser.allocate(64 * 1024, max_depth);
  }
  simdjson::dom::parser parser;
};
#else
struct JsonDocument::Simdjson {};
#endif

JsonDocument::JsonDocument() = default;
JsonDocument::~JsonDocument() = default;

void JsonDocument::clear() {
  values_.clear();
  children_.clear();
  text_.clear();
  pending_.clear();
  root_ = key_at_ = key_size_ = 0;
}

std::uint32_t JsonDocument::add(JsonValue::Kind kind) {
  if (values_.size() >= max_text) throw std::length_error("a JSON document of more than 4 Gi values");
  JsonValue v;
  v.doc_ = this;
  v.kind_ = kind;
  v.key_at_ = key_at_;
  v.key_size_ = key_size_;
  values_.push_back(v);
  return static_cast<std::uint32_t>(values_.size() - 1);
}

std::uint32_t JsonDocument::add_text(std::string_view s) {
  if (s.size() > max_text - text_.size()) throw std::length_error("a JSON document with more than 4 GiB of text");
  const auto at = static_cast<std::uint32_t>(text_.size());
  text_.append(s);
  return at;
}

std::uint32_t JsonDocument::add_string(std::string_view s) {
  const std::uint32_t at = add_text(s);
  const std::uint32_t i = add(JsonValue::Kind::string);
  values_[i].text_at_ = at;
  values_[i].text_size_ = static_cast<std::uint32_t>(s.size());
  return i;
}

std::uint32_t JsonDocument::add_number(double v) {
  const std::uint32_t i = add(JsonValue::Kind::number);
  values_[i].number_ = v;
  return i;
}

std::uint32_t JsonDocument::add_boolean(bool b) {
  const std::uint32_t i = add(JsonValue::Kind::boolean);
  values_[i].boolean_ = b;
  return i;
}

void JsonDocument::set_key(std::string_view k) {
  key_at_ = add_text(k);
  key_size_ = static_cast<std::uint32_t>(k.size());
}

void JsonDocument::close(std::uint32_t container, std::size_t from) {
  JsonValue& c = values_[container];
  c.first_ = static_cast<std::uint32_t>(children_.size());
  c.count_ = static_cast<std::uint32_t>(pending_.size() - from);
  children_.insert(children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(from), pending_.end());
  pending_.resize(from);
}

// nlohmann's SAX events, turned into values.
struct DocumentBuilder {
  using Kind = JsonValue::Kind;
  JsonDocument& d;
  std::vector<std::pair<std::uint32_t, std::size_t>> open;  // containers being filled, first pending child

  bool value(std::uint32_t i) {
    d.pending_.push_back(i);
    return true;
  }
  bool null() { return value(d.add(Kind::null)); }
  bool boolean(bool b) { return value(d.add_boolean(b)); }
  bool number_integer(std::int64_t v) { return value(d.add_number(static_cast<double>(v))); }
  bool number_unsigned(std::uint64_t v) { return value(d.add_number(static_cast<double>(v))); }
  bool number_float(double v, const std::string&) { return value(d.add_number(v)); }
  bool string(std::string& s) { return value(d.add_string(s)); }
  bool binary(nlohmann::json::binary_t&) { return false; }  // not produced by the JSON grammar
  bool start(Kind kind) {
    open.emplace_back(d.add(kind), d.pending_.size());
    return true;
  }
  bool start_object(std::size_t) { return start(Kind::object); }
  bool start_array(std::size_t) { return start(Kind::array); }
  bool key(std::string& k) {
    d.set_key(k);
    return true;
  }
  bool end() {
    const auto [container, from] = open.back();
    open.pop_back();
    d.close(container, from);
    d.pending_.push_back(container);
    return true;
  }
  bool end_object() { return end(); }
  bool end_array() { return end(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

#ifdef BARRIERFREE_HAVE_SIMDJSON
  /// simdjson's document, depth first (its depth is limited to 1024).
  static std::uint32_t copy(JsonDocument& d, simdjson::dom::element e) {
    using T = simdjson::dom::element_type;
    switch (e.type()) {
      case T::OBJECT:
      case T::ARRAY: {
        const bool object = e.type() == T::OBJECT;
        const std::uint32_t i = d.add(object ? Kind::object : Kind::array);
        const std::size_t from = d.pending_.size();  // each child's own children are closed before it is pushed
        if (object) {
          const simdjson::dom::object members = e.get_object().value_unsafe();
          for (const auto member : members) {
            d.set_key(member.key);
            const std::uint32_t child = copy(d, member.value);
            d.pending_.push_back(child);
          }
        } else {
          const simdjson::dom::array elements = e.get_array().value_unsafe();
          for (const simdjson::dom::element v : elements) {
            const std::uint32_t child = copy(d, v);
            d.pending_.push_back(child);
          }
        }
        d.close(i, from);
        return i;
      }
      case T::STRING: return d.add_string(e.get_string().value_unsafe());
      case T::BOOL: return d.add_boolean(e.get_bool().value_unsafe());
      // As nlohmann's get<double>() converts its integers.
      case T::INT64: return d.add_number(static_cast<double>(e.get_int64().value_unsafe()));
      case T::UINT64: return d.add_number(static_cast<double>(e.get_uint64().value_unsafe()));
      case T::DOUBLE: return d.add_number(e.get_double().value_unsafe());
      case T::NULL_VALUE: return d.add(Kind::null);
    }
    throw std::domain_error("a simdjson element of an unknown type");  // parse() then asks nlohmann
  }
#endif
};

bool JsonDocument::parse(std::string_view text) {
#ifdef BARRIERFREE_HAVE_SIMDJSON
  if (text.size() <= Simdjson::max_text) {
    if (!simdjson_) simdjson_ = std::make_unique<Simdjson>();
    simdjson::dom::element root;
    if (!simdjson_->parser.parse(text.data(), text.size()).get(root)) {
      clear();
      try {
        root_ = DocumentBuilder::copy(*this, root);
        return true;
      } catch (const std::domain_error&) {
      }
    }
  }
#endif
  return parse_with_nlohmann(text);
}

bool JsonDocument::parse_with_nlohmann(std::string_view text) {
  clear();
  DocumentBuilder builder{*this, {}};
  if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder) || pending_.size() != 1) return false;
  root_ = pending_.front();
  return true;
}

std::uint32_t JsonDocument::scalar(const nlohmann::json& value) {
  using Kind = JsonValue::Kind;
  using T = nlohmann::json::value_t;
  switch (value.type()) {
    case T::string: return add_string(value.get_ref<const std::string&>());
    case T::boolean: return add_boolean(value.get<bool>());
    case T::number_integer:
    case T::number_unsigned:
    case T::number_float: return add_number(value.get<double>());
    case T::null: return add(Kind::null);
    default: return add(Kind::other);
  }
}

void JsonDocument::assign(const nlohmann::json& value) {
  clear();
  // Iteratively, with a stack of the containers being copied: a document built
  // in code (from Python, say) may be nested far deeper than a call stack goes.
  struct Open {
    const nlohmann::json* value;
    nlohmann::json::const_iterator next;
    std::uint32_t index;
    std::size_t from;  // its children in pending_
  };
  std::vector<Open> open;
  const auto enter = [&](const nlohmann::json& v) -> std::optional<std::uint32_t> {
    if (!v.is_structured()) return scalar(v);
    open.push_back({&v, v.cbegin(), add(v.is_object() ? JsonValue::Kind::object : JsonValue::Kind::array),
                    pending_.size()});
    return std::nullopt;
  };
  if (const auto i = enter(value)) {
    root_ = *i;
    return;
  }
  while (true) {
    Open& top = open.back();
    if (top.next == top.value->cend()) {
      const std::uint32_t i = top.index;
      const std::size_t from = top.from;
      open.pop_back();
      close(i, from);
      if (open.empty()) {
        root_ = i;
        return;
      }
      pending_.push_back(i);
      continue;
    }
    const auto member = top.next++;
    if (top.value->is_object()) set_key(member.key());
    if (const auto i = enter(*member)) pending_.push_back(*i);  // `top` may be gone once enter() opened one
  }
}

std::size_t JsonDocument::held_bytes() const {
  std::size_t held = values_.capacity() * sizeof(JsonValue) + text_.capacity() +
                     (children_.capacity() + pending_.capacity()) * sizeof(std::uint32_t);
#ifdef BARRIERFREE_HAVE_SIMDJSON
  if (simdjson_) held += simdjson_->parser.capacity();  // the largest text it has parsed (it holds more)
#endif
  return held;
}

void JsonDocument::shrink_to(std::size_t bytes) {
  if (held_bytes() <= bytes) return;
  clear();
  // Swapped with empty ones: assigning {} would keep the capacity.
  std::vector<JsonValue>().swap(values_);
  std::vector<std::uint32_t>().swap(children_);
  std::string().swap(text_);
  std::vector<std::uint32_t>().swap(pending_);
  simdjson_.reset();
}

}  // namespace barrierfree::io
