// Reading and writing cases as JSON (`barrierfree.case/1`).
//
// read_case never throws: it returns the case, or every error found with its
// stable id and JSON pointer. parse_case and load_case throw CaseError instead.
// Serialisation is deterministic: fields in the order of the format's
// documentation, integral values written as integers, so that
// parse(serialise(x)) == x and equal cases give equal bytes.
#pragma once

#include <barrierfree/errors.hpp>
#include <barrierfree/model/case.hpp>

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree {

/// The outcome of reading a case: the case if it is valid, and every problem found.
struct ReadResult {
  std::optional<Case> value;  ///< set only when `errors` is empty
  std::vector<Error> errors;
  std::vector<Error> warnings;  ///< e.g. unknown fields that were ignored
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Read and validate a case from JSON text. Never throws.
ReadResult read_case(std::string_view json_text);
/// Read and validate a case from a parsed JSON document. Never throws.
ReadResult read_case_document(const nlohmann::json& document);

/// Read and validate a case from JSON text; throws CaseError.
Case parse_case(std::string_view json_text);
/// Read and validate a case from a file; throws CaseError (case.100 if unreadable).
Case load_case(const std::filesystem::path& path);

/// The case as a JSON document (keys in documentation order).
nlohmann::ordered_json to_json(const Case& c);
/// The case as compact JSON text (one line: suitable for JSON Lines).
std::string serialise(const Case& c);

}  // namespace barrierfree
