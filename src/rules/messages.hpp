// Internal: the default message templates of data/rules/messages.json.
#pragma once

#include <barrierfree/rules/ruleset.hpp>

#include <string_view>

namespace barrierfree::rules::messages {

/// Template for insufficient_data findings.
const Text& insufficient();
/// Default failure template of a check kind (empty if none).
Text fail(std::string_view check);
/// Short title of a check kind ("door clear width" / "门净宽").
Text title(std::string_view check);

}  // namespace barrierfree::rules::messages
