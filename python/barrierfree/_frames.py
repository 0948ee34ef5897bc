"""Results as pandas DataFrames: one row per finding, per plan item, per household.

The column names are stable (docs/python.md). pandas is optional: ``pip install barrierfree[pandas]``.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from ._core import Case, CheckResult, PlanResult

FINDING_COLUMNS = [
    "case", "standard", "finding", "check", "element", "room", "status", "severity", "weight", "measured", "unit",
    "required", "rule", "rule_id", "confidence", "occupants", "categories", "message_en", "message_zh", "remedies",
    "resolved", "left",
]
PLAN_COLUMNS = [
    "case", "item", "remedy", "element", "name_en", "name_zh", "kind", "quantity", "unit", "unit_cost", "material",
    "labour", "cost", "subsidy", "resolves", "reduces",
]
COST_COLUMNS = [
    "case", "standard", "region", "currency", "budget", "subtotal", "fees", "total", "subsidy", "copay",
    "within_budget", "items", "barriers", "removed", "left", "to_measure", "score_before", "score_after", "verified",
    "optimal",
]


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("barrierfree's tables need pandas: pip install 'barrierfree[pandas]'") from e
    return pandas


def _number(v: Any) -> Any:
    """JSON writes 6000.0 as 6000: a saved number is read back as the float the result holds."""
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v


def _numbers(d: Mapping[str, Any], names: Iterable[str]) -> Dict[str, Any]:
    out = dict(d)
    for n in names:
        if n in out:
            out[n] = _number(out[n])
    return out


def _finding_view(f: Mapping[str, Any]) -> SimpleNamespace:
    """A finding saved as JSON, with the attributes of a Finding that the tables read."""
    return SimpleNamespace(
        id=f["id"], check=f["check"], element=f["element"], room=(f.get("location") or {}).get("room"),
        status=f["status"], severity=f["severity"], weight=sum((f.get("severity_by_occupant") or {}).values()),
        measured=_number(f.get("measured")), unit=f.get("unit"), required=f.get("required") or None, rule=f.get("rule"),
        rule_id=f.get("rule_id"), confidence=f.get("confidence"), occupants=list(f.get("occupants", [])),
        message=f.get("message") or {"en": None, "zh": None}, remedies=list(f.get("remedies", [])))


def _check_view(d: Mapping[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(id=d["id"], standard=d.get("standard"), findings=[_finding_view(f) for f in d["findings"]],
                           score=(d.get("score") or {}).get("before"))


def _plan_view(d: Mapping[str, Any]) -> SimpleNamespace:
    """A plan result saved as JSON (a line of `barrierfree batch`, or to_dict()), read as a PlanResult."""
    p = d["plan"]
    item_numbers = ("quantity", "unit_cost", "unit_material", "unit_labour", "material", "labour", "cost", "subsidy")
    items = [SimpleNamespace(**{**_numbers(i, item_numbers), "resolves": list(i.get("resolves", [])),
                                "reduces": list(i.get("reduces", []))})
             for i in p.get("items", [])]
    fees = {k: _number(v) for k, v in (p.get("fees") or {}).items()}
    plan = SimpleNamespace(**{**_numbers(p, ("budget", "subtotal", "total", "subsidy", "copay")), "items": items,
                              "residual": list(p.get("residual", [])), "fees": fees})
    return SimpleNamespace(id=d["id"], before=_check_view(d), plan=plan, home=d.get("home"),
                           score_after=(d.get("score") or {}).get("after"))


def _results(results: Iterable[Any]) -> List[Any]:
    """Plan and check results, or the same saved as JSON (dicts: the lines of `barrierfree batch`,
    or to_dict()); a batch's errors (BatchError, or a dict with "error") have no rows and are skipped."""
    if isinstance(results, (PlanResult, CheckResult, Mapping)):
        results = [results]
    out = []
    for r in results:
        if isinstance(r, (PlanResult, CheckResult)):
            out.append(r)
        elif isinstance(r, Mapping):
            if "error" in r:
                continue
            if "findings" not in r or "id" not in r:
                raise TypeError("expected a result saved as JSON (with \"id\" and \"findings\"), not a dict of "
                                + ", ".join(sorted(map(str, r))[:5]))
            out.append(_plan_view(r) if "plan" in r else _check_view(r))
        elif type(r).__name__ != "BatchError":
            raise TypeError(f"expected PlanResult, CheckResult, a saved result (dict) or BatchError, not {type(r).__name__}")
    return out


def _is_plan(r: Any) -> bool:
    return isinstance(r, PlanResult) or (isinstance(r, SimpleNamespace) and hasattr(r, "plan"))


def _categories_by_occupant(case: Union[Case, Mapping[str, Any], None]) -> Dict[str, List[str]]:
    if case is None:
        return {}
    d = case.to_dict() if isinstance(case, Case) else case
    # "none" for someone with no certified disability (an elderly carer with limitations), so that
    # the findings that concern only them are counted under a category too.
    return {o["id"]: sorted({x["category"] for x in o.get("disabilities", [])}) or ["none"] for o in d.get("occupants", [])}


def findings_frame(results: Iterable[Any], cases: Optional[Iterable[Union[Case, Mapping[str, Any]]]] = None):
    """One row per finding of every result (columns: ``FINDING_COLUMNS``).

    ``categories`` are the disability categories of the occupants a finding concerns (``"none"``
    for an occupant with no certified disability, such as an elderly carer); plan
    results know their household, for check results pass the ``cases`` (matched by id).
    ``resolved`` and ``left`` say, for plan results, whether the plan removes the finding
    and whether it is still there after the plan (``None`` for check results).
    """
    pd = _pandas()
    known: Dict[str, Any] = {}
    for c in cases or []:
        known[c.id if isinstance(c, Case) else c["id"]] = c
    rows = []
    for r in _results(results):
        is_plan = _is_plan(r)
        check = r.before if is_plan else r
        home = r.home if is_plan else None  # a plan saved as JSON has none: then the cases given
        by_occupant = _categories_by_occupant(home if home is not None else known.get(check.id))
        resolved, left = set(), set()
        if is_plan:
            for item in r.plan.items:
                resolved.update(item.resolves)
            left = {x["finding"] for x in r.plan.residual if x["status"] == "fail"}
        for f in check.findings:
            categories = sorted({c for o in f.occupants for c in by_occupant.get(o, [])}) if by_occupant else None
            rows.append({
                "case": check.id, "standard": check.standard, "finding": f.id, "check": f.check, "element": f.element,
                "room": f.room or None, "status": f.status, "severity": f.severity, "weight": f.weight,
                "measured": f.measured, "unit": f.unit, "required": f.required, "rule": f.rule, "rule_id": f.rule_id,
                "confidence": f.confidence, "occupants": list(f.occupants), "categories": categories,
                "message_en": f.message["en"], "message_zh": f.message["zh"], "remedies": list(f.remedies),
                "resolved": (f.id in resolved) if is_plan else None, "left": (f.id in left) if is_plan else None,
            })
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def plans_frame(results: Iterable[Any]):
    """One row per item of every plan (columns: ``PLAN_COLUMNS``); ``item`` is P1, P2, … as on drawings."""
    pd = _pandas()
    rows = []
    for r in _results(results):
        if not _is_plan(r):
            continue
        for n, i in enumerate(r.plan.items, start=1):
            rows.append({
                "case": r.id, "item": f"P{n}", "remedy": i.remedy, "element": i.element, "name_en": i.name["en"],
                "name_zh": i.name["zh"], "kind": i.kind, "quantity": i.quantity, "unit": i.unit,
                "unit_cost": i.unit_cost, "material": i.material, "labour": i.labour, "cost": i.cost,
                "subsidy": i.subsidy, "resolves": list(i.resolves), "reduces": list(i.reduces),
            })
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def costs_frame(results: Iterable[Any]):
    """One row per household (columns: ``COST_COLUMNS``): cost against budget, barriers before and after.

    ``barriers`` counts failing findings, ``removed`` those the plan removes, ``left`` those
    still failing after it, ``to_measure`` the findings that lack a measurement. Check
    results have no plan: their cost columns are empty.
    """
    pd = _pandas()
    rows = []
    for r in _results(results):
        check = r.before if _is_plan(r) else r
        barriers = sum(f.status == "fail" for f in check.findings)
        row: Dict[str, Any] = {
            "case": check.id, "standard": check.standard, "barriers": barriers,
            "to_measure": sum(f.status != "fail" for f in check.findings), "score_before": check.score,
        }
        if _is_plan(r):
            p = r.plan
            left = sum(x["status"] == "fail" for x in p.residual)
            row.update({
                "region": p.region or None, "currency": p.currency, "budget": p.budget, "subtotal": p.subtotal,
                "fees": sum(p.fees.values()), "total": p.total, "subsidy": p.subsidy, "copay": p.copay,
                "within_budget": None if p.budget is None else p.subsidy <= p.budget + 1e-6, "items": len(p.items),
                "removed": max(0, barriers - left), "left": left, "score_after": r.score_after, "verified": p.verified,
                "optimal": p.optimal,
            })
        rows.append(row)
    return pd.DataFrame(rows, columns=COST_COLUMNS)
