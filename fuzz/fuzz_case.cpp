// Fuzz target: any bytes as one line of a batch. Whatever the input, the batch must
// give exactly one line of valid JSON, and a case that reads must check, plan, draw and
// serialise without throwing or crashing.
#include <barrierfree/batch.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/report.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text.find('\n') != std::string_view::npos) return 0;  // one line of a JSON Lines file
  barrierfree::BatchOptions check_only;
  check_only.check_only = true;
  const barrierfree::LineOutcome out = barrierfree::process_line(text, 1, check_only);
  if (out.text.find('\n') != std::string::npos) std::abort();
  if (nlohmann::json::parse(out.text, nullptr, false).is_discarded()) std::abort();
  barrierfree::ReadResult r = barrierfree::read_case(text);
  if (r.ok()) {
    // What was read writes back to what reads the same.
    const std::string again = barrierfree::serialise(*r.value);
    barrierfree::ReadResult back = barrierfree::read_case(again);
    if (!back.ok() || !(*back.value == *r.value)) std::abort();
    if (size < 8192) {  // planning is slow; keep the fuzzer fast on big inputs
      barrierfree::BatchOptions plan;
      if (barrierfree::process_line(text, 1, plan).text.empty()) std::abort();
    }
    try {
      const barrierfree::CheckResult c = barrierfree::check(*r.value);
      (void)barrierfree::draw_home(*r.value, barrierfree::ruleset_for(*r.value), c);
    } catch (const barrierfree::InputError&) {
      // an unknown standard: reported by the batch as an error line
    }
  }
  return 0;
}
