// barrierfree: plan barrier-free modifications of the homes of disabled people.
// The umbrella header: includes the whole public API.
#pragma once

#include <barrierfree/batch.hpp>
#include <barrierfree/errors.hpp>
#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/geometry/types.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/model/case.hpp>
#include <barrierfree/model/enums.hpp>
#include <barrierfree/model/plan_geometry.hpp>
#include <barrierfree/plan/calibrate.hpp>
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/plan/rollup.hpp>
#include <barrierfree/report.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/kinds.hpp>
#include <barrierfree/rules/occupants.hpp>
#include <barrierfree/rules/ruleset.hpp>
#include <barrierfree/units.hpp>
#include <barrierfree/version.hpp>
