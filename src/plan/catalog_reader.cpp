// JSON -> Catalog and Regions, with every error reported ("catalog.1xx",
// "regions.1xx") and its JSON pointer.
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/rules/kinds.hpp>

#include "io/json_reader.hpp"
#include "util/embedded.hpp"
#include "util/suggest.hpp"

#include <set>

namespace barrierfree {

using io::json;
using io::JsonReader;
using io::Need;
namespace code = io::code;

std::string_view to_string(WorkKind k) {
  switch (k) {
    case WorkKind::structural: return "structural";
    case WorkKind::device: return "device";
    case WorkKind::labour: return "labour";
  }
  return "structural";
}

double CatalogItem::param(std::string_view name, double fallback) const {
  auto it = params.find(std::string(name));
  return it == params.end() ? fallback : it->second;
}

const CatalogItem* Catalog::find(std::string_view remedy) const {
  for (const CatalogItem& i : items)
    if (i.remedy == remedy) return &i;
  return nullptr;
}

const RegionFactor* Regions::find(std::string_view code) const {
  for (const RegionFactor& r : regions)
    if (r.code == code || (!r.alias.empty() && r.alias == code)) return &r;
  return nullptr;
}

namespace {

/// The quantity rules the planner knows how to derive.
const std::vector<std::string>& quantity_rules() {
  static const std::vector<std::string> q = {"element", "household", "ramp_length", "handrail_length", "bars",
                                             "fixtures_moved", "added_area", "floor_area", "rooms"};
  return q;
}

Text text_of(JsonReader& r, const json& o, std::string_view key, const std::string& p) {
  Text t;
  const json* v = r.get(o, key, p, Need::optional);
  if (!v) return t;
  const std::string tp = JsonReader::child(p, key);
  if (!r.expect_object(*v, tp)) return t;
  t.en = r.string(*v, "en", tp, Need::required).value_or("");
  t.zh = r.string(*v, "zh", tp, Need::required).value_or("");
  return t;
}

CatalogItem read_item(JsonReader& r, const json& o, const std::string& p) {
  r.unknown_fields(o, p, {"remedy", "name", "unit", "quantity", "material", "labour", "kind", "group", "params",
                          "source", "confidence"});
  CatalogItem item;
  if (auto remedy = r.string(o, "remedy", p, Need::required)) {
    if (!is_remedy_kind(*remedy))
      r.error(code::unknown_enum, JsonReader::child(p, "remedy"),
              "unknown remedy \"" + *remedy + "\"" + util::did_you_mean(*remedy, remedy_kinds()));
    item.remedy = *remedy;
  }
  item.name = text_of(r, o, "name", p);
  if (auto unit = r.string(o, "unit", p, Need::required)) {
    if (*unit != "item" && *unit != "m" && *unit != "m2")
      r.error(code::unknown_enum, JsonReader::child(p, "unit"), "unit must be item, m or m2");
    item.unit = *unit;
  }
  if (auto q = r.string(o, "quantity", p, Need::required)) {
    const auto& rules = quantity_rules();
    if (std::find(rules.begin(), rules.end(), *q) == rules.end())
      r.error(code::unknown_enum, JsonReader::child(p, "quantity"),
              "unknown quantity rule \"" + *q + "\"" + util::did_you_mean(*q, rules));
    item.quantity = *q;
  }
  item.material = r.number(o, "material", p, Need::required, 0.0).value_or(0);
  item.labour = r.number(o, "labour", p, Need::required, 0.0).value_or(0);
  if (auto kind = r.string(o, "kind", p, Need::required)) {
    if (*kind == "structural") item.kind = WorkKind::structural;
    else if (*kind == "device") item.kind = WorkKind::device;
    else if (*kind == "labour") item.kind = WorkKind::labour;
    else r.error(code::unknown_enum, JsonReader::child(p, "kind"), "kind must be structural, device or labour");
  }
  item.group = r.string(o, "group", p, Need::optional).value_or(item.remedy);
  if (const json* params = r.get(o, "params", p, Need::optional)) {
    const std::string pp = JsonReader::child(p, "params");
    if (r.expect_object(*params, pp))
      for (auto it = params->begin(); it != params->end(); ++it)
        if (auto v = r.number(*params, it.key(), pp, Need::required, 0.0)) item.params[it.key()] = *v;
  }
  item.source = r.string(o, "source", p, Need::optional).value_or("");
  item.confidence = r.string(o, "confidence", p, Need::optional).value_or("");
  return item;
}

}  // namespace

Catalog parse_catalog(std::string_view text, const Catalog* base) {
  const json doc = io::parse_document(text, "catalog");
  JsonReader r("catalog");
  Catalog c = base ? *base : Catalog{};
  std::set<std::string> seen;  // the remedies it lists
  if (r.expect_object(doc, "")) {
    r.unknown_fields(doc, "", {"$schema", "format", "id", "currency", "price_year", "title", "description", "fees",
                               "items", "calibration"});
    if (auto f = r.string(doc, "format", "", Need::required); f && *f != "barrierfree.catalog/1")
      r.error(code::unsupported_format, "/format", "unsupported format \"" + *f + "\"; expected \"barrierfree.catalog/1\"");
    c.id = r.string(doc, "id", "", Need::required).value_or(c.id);
    c.currency = r.string(doc, "currency", "", base ? Need::optional : Need::required).value_or(c.currency);
    c.price_year = r.integer(doc, "price_year", "", Need::optional, 1900, 2200).value_or(c.price_year);
    if (doc.contains("title")) c.title = text_of(r, doc, "title", "");
    if (const json* fees = r.get(doc, "fees", "", Need::optional)) {
      if (r.expect_object(*fees, "/fees")) {
        r.unknown_fields(*fees, "/fees", {"management", "contingency", "tax"});
        c.fees.management = r.number(*fees, "management", "/fees", Need::optional, 0.0, 10.0).value_or(c.fees.management);
        c.fees.contingency = r.number(*fees, "contingency", "/fees", Need::optional, 0.0, 10.0).value_or(c.fees.contingency);
        c.fees.tax = r.number(*fees, "tax", "/fees", Need::optional, 0.0, 10.0).value_or(c.fees.tax);
      }
    }
    if (const json* items = r.array(doc, "items", "", Need::required)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string p = JsonReader::child("/items", i);
        if (!r.expect_object((*items)[i], p)) continue;
        CatalogItem item = read_item(r, (*items)[i], p);
        if (!seen.insert(item.remedy).second) {
          r.error(code::duplicate_id, JsonReader::child(p, "remedy"), "remedy \"" + item.remedy + "\" is listed twice");
          continue;
        }
        // An override replaces the base's item for the same remedy.
        auto it = std::find_if(c.items.begin(), c.items.end(), [&](const CatalogItem& x) { return x.remedy == item.remedy; });
        if (it != c.items.end()) *it = std::move(item);
        else c.items.push_back(std::move(item));
      }
    }
  }
  if (base && c.currency != base->currency) {
    // The remedies it does not list would keep the base's prices, read in its currency.
    std::set<std::string> kept;
    for (const CatalogItem& item : base->items)
      if (!seen.count(item.remedy)) kept.insert(item.remedy);
    if (!kept.empty())
      r.error(code::conflicting_fields, "/currency",
              "currency \"" + c.currency + "\" is not the " + base->currency + " of the " + base->id +
                  " prices it overrides, and " + std::to_string(kept.size()) + " remedies (" + *kept.begin() +
                  (kept.size() > 1 ? ", …" : "") + ") are not listed: they would keep prices in " + base->currency +
                  " under the name " + c.currency + "; list every remedy, or price in " + base->currency);
  }
  if (!r.errors.empty()) throw InputError(std::move(r.errors));
  return c;
}

Catalog load_catalog(const std::filesystem::path& path, const Catalog* base) {
  return parse_catalog(io::read_file(path, "catalog"), base);
}

const Catalog& builtin_catalog() {
  static const Catalog c = parse_catalog(util::embedded_file("catalog/cn-reference.json"));
  return c;
}

Regions parse_regions(std::string_view text) {
  const json doc = io::parse_document(text, "regions");
  JsonReader r("regions");
  Regions out;
  if (r.expect_object(doc, "")) {
    r.unknown_fields(doc, "", {"$schema", "format", "id", "title", "description", "regions"});
    if (auto f = r.string(doc, "format", "", Need::required); f && *f != "barrierfree.regions/1")
      r.error(code::unsupported_format, "/format", "unsupported format \"" + *f + "\"; expected \"barrierfree.regions/1\"");
    out.id = r.string(doc, "id", "", Need::required).value_or("");
    std::set<std::string> seen;
    if (const json* list = r.array(doc, "regions", "", Need::required)) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string p = JsonReader::child("/regions", i);
        const json& o = (*list)[i];
        if (!r.expect_object(o, p)) continue;
        r.unknown_fields(o, p, {"code", "alias", "name", "material", "labour"});
        RegionFactor f;
        f.code = r.string(o, "code", p, Need::required).value_or("");
        f.alias = r.string(o, "alias", p, Need::optional).value_or("");
        f.name = text_of(r, o, "name", p);
        f.material = r.number(o, "material", p, Need::required, 0.01, 100.0).value_or(1.0);
        f.labour = r.number(o, "labour", p, Need::required, 0.01, 100.0).value_or(1.0);
        if (!f.code.empty() && !seen.insert(f.code).second)
          r.error(code::duplicate_id, JsonReader::child(p, "code"), "region \"" + f.code + "\" is listed twice");
        out.regions.push_back(std::move(f));
      }
    }
  }
  if (!r.errors.empty()) throw InputError(std::move(r.errors));
  return out;
}

Regions load_regions(const std::filesystem::path& path) { return parse_regions(io::read_file(path, "regions")); }

const Regions& builtin_regions() {
  static const Regions r = parse_regions(util::embedded_file("catalog/regions.json"));
  return r;
}

}  // namespace barrierfree
