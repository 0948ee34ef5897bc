"""barrierfree: plan barrier-free modifications of the homes of disabled people.

Load a household case (the ``barrierfree.case/1`` JSON format)::

    import barrierfree
    case = barrierfree.load_case("data/examples/wheelchair-user.json")

Bad input raises :class:`CaseError`, whose ``errors`` list every problem with
its stable id and the JSON pointer of the bad field.
"""
from __future__ import annotations

import collections.abc
import difflib
import math
import numbers
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Union

from . import _core
from ._core import (Case, Catalog, CheckResult, Finding, Plan, PlanItem, PlanResult, Regions, Rollup, Ruleset,
                    check_kinds, remedy_kinds)

__version__: str = _core.__version__

from ._batch import BatchError, batch  # noqa: E402  (they use the names above)

_core_rollup_add = Rollup.add


def _rollup_add(self: Rollup, result: Any) -> None:
    """Count a result, or a BatchError as the error it is (as the batch runner's summary does); a
    result saved as its to_dict(), or a line of `barrierfree batch`'s output, counts as the result."""
    if isinstance(result, BatchError):
        return self.add_error(result.error.code)
    return _core_rollup_add(self, result)


Rollup.add = _rollup_add
from ._frames import COST_COLUMNS, FINDING_COLUMNS, PLAN_COLUMNS, costs_frame, findings_frame, plans_frame  # noqa: E402
from ._plot import drawing_svg, plot, report_html  # noqa: E402
from . import _plot  # noqa: E402,F401  (notebook display of cases and results)

__all__ = [
    "BatchError",
    "COST_COLUMNS",
    "FINDING_COLUMNS",
    "PLAN_COLUMNS",
    "batch",
    "costs_frame",
    "drawing_svg",
    "findings_frame",
    "plans_frame",
    "plot",
    "report_html",
    "ArgumentTypeError",
    "Case",
    "CaseError",
    "CaseWarning",
    "Catalog",
    "CatalogError",
    "CheckResult",
    "Error",
    "Finding",
    "Plan",
    "PlanItem",
    "PlanResult",
    "Regions",
    "Rollup",
    "Ruleset",
    "RulesetError",
    "calibrate",
    "catalog",
    "check",
    "check_kinds",
    "load_case",
    "load_catalog",
    "load_regions",
    "load_ruleset",
    "plan",
    "regions",
    "remedy_kinds",
    "ruleset",
    "rulesets",
    "__version__",
]


@dataclass(frozen=True)
class Error:
    """One problem with an input: a stable id, the JSON pointer of the field, a message."""

    code: str
    path: str
    message: str
    line: int = 0

    def __str__(self) -> str:
        # The line of a file of many (bills, JSON Lines) is where to look first.
        line = f"line {self.line}: " if self.line else ""
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {line}{where}{self.message}"


class _InputError(ValueError):
    """Input that cannot be read or is not valid; ``errors`` lists every problem."""

    _nothing = "invalid input"  # the message when no error was given

    def __init__(self, errors: List[Error]):
        self.errors = list(errors)
        first = str(self.errors[0]) if self.errors else self._nothing
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(first + more)


class CaseError(_InputError):
    """A case that cannot be read or is not valid; ``errors`` lists every problem."""

    _nothing = "invalid case"


class RulesetError(_InputError):
    """A ruleset that cannot be read or is not valid; ``errors`` lists every problem."""

    _nothing = "invalid ruleset"


class CatalogError(_InputError):
    """A catalogue or regions file that cannot be read; ``errors`` lists every problem."""

    _nothing = "invalid catalogue"


CaseSource = Union[str, "os.PathLike[str]", Mapping[str, Any]]


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type: a TypeError, and a ValueError as well for code that caught
    every bad argument as ValueError before types were told apart."""


class CaseWarning(UserWarning):
    """What a valid case holds that the library does not use (``case.901``: an unknown field), or
    that a plan of it should say (``case.906``: its region has no price factors)."""

    def __init__(self, errors: List[Error], case_id: str = ""):
        self.errors = errors
        self.case_id = case_id
        text = "; ".join(f"[{e.code}] {e.path}: {e.message}" for e in errors)
        super().__init__(f"case {case_id!r}: {text}" if case_id else text)


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _outside_stacklevel() -> int:
    """The stacklevel of the first frame outside this package, for warnings.warn called here:
    the warning names the user's line, whichever of load_case, check or plan read the case."""
    level, frame = 1, sys._getframe(1)
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == _PACKAGE_DIR:
        frame = frame.f_back
        level += 1
    return level


def _finish(result) -> Case:
    case, errors, warnings_found = result
    if errors:
        raise CaseError([Error(*e) for e in errors])
    if warnings_found:
        # A misspelt field is read as absent: said, so that "clear_widht" is not silently no width.
        # The case's id is in the message, so that Python's once-per-message filter shows each
        # household's warning, not only the first.
        warnings.warn(CaseWarning([Error(*e) for e in warnings_found], case.id), stacklevel=_outside_stacklevel())
    return case


def load_case(source: CaseSource) -> Case:
    """Read and validate a case.

    ``source`` is a path (``str`` or ``os.PathLike``) to a ``.json`` file, a
    ``dict`` in the case format, or a ``str`` holding the JSON text itself.
    Raises :class:`CaseError` listing every problem found.
    """
    if isinstance(source, Mapping):
        return _finish(_core._read_case_object(dict(source)))
    if isinstance(source, os.PathLike):
        return _finish(_core._read_case_text(_case_file_text(Path(source))))
    if isinstance(source, str):
        # JSON text, not a file name: it opens with a bracket, spans lines or is blank.
        stripped = source.lstrip("\ufeff").strip()
        if not stripped or stripped[0] in "{[" or "\n" in source:
            return _finish(_core._read_case_text(source))
        return _finish(_core._read_case_text(_case_file_text(Path(source), given_as_text=True)))
    raise TypeError(f"load_case() takes a path, a dict or JSON text, not {type(source).__name__}")


def _case_file_text(path: Path, given_as_text: bool = False) -> str:
    """The text of one case's file; a JSON Lines file of several cases is said to be one."""
    text = _read_path(path, given_as_text)
    lines = [line for line in text.splitlines() if line.strip()]
    if path.suffix == ".jsonl" and len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:2]):
        raise CaseError([Error("case.100", "", f'"{path}" is a JSON Lines file of {len(lines)} cases: read it '
                                               "with batch(), or one of its lines with load_case(line)")])
    return text


def _read_path(path: Path, given_as_text: bool = False) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        # A string that is no file may have been meant as JSON text: say how each is told apart.
        hint = " (a string is read as JSON text when it opens with '{' or '[')" if given_as_text and not path.exists() else ""
        raise CaseError([Error("case.100", "", f'cannot open "{path}": {e.strerror or e}{hint}')]) from None


def rulesets() -> List[Ruleset]:
    """The built-in rulesets: GB50763-2012, GB55019-2021, ADA-2010, CDPF-HOME."""
    return [_core._builtin_ruleset(i) for i in _core._builtin_ruleset_ids()]


def ruleset(standard: str) -> Ruleset:
    """A built-in ruleset by id; ``ValueError`` for an unknown id."""
    if not isinstance(standard, str):
        raise TypeError(f"standard must be a ruleset id (str), not {type(standard).__name__}")
    return _core._builtin_ruleset(standard)


def _text_of(source, what: str, error_class, prefix: str) -> str:
    """JSON text from a path, a dict or the text itself."""
    import json

    if isinstance(source, Mapping):
        return json.dumps(dict(source))
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        try:
            return Path(source).read_text(encoding="utf-8")
        except OSError as e:
            raise error_class([Error(f"{prefix}.100", "", f'cannot open "{source}": {e.strerror or e}')]) from None
    if isinstance(source, str):
        return source
    raise TypeError(f"{what}() takes a path, a dict or JSON text, not {type(source).__name__}")


def load_ruleset(source: Union[str, "os.PathLike[str]", Mapping[str, Any]]) -> Ruleset:
    """Read a ruleset of your own (``barrierfree.ruleset/1``): a path, a dict or JSON text.

    Raises :class:`RulesetError` listing every problem found.
    """
    value, errors = _core._parse_ruleset(_text_of(source, "load_ruleset", RulesetError, "ruleset"))
    if errors:
        raise RulesetError([Error(*e) for e in errors])
    return value


def catalog() -> Catalog:
    """The reference remedy catalogue built into the library (CN-REFERENCE, CNY)."""
    return _core._builtin_catalog()


def regions() -> Regions:
    """The provincial cost factors built into the library."""
    return _core._builtin_regions()


def load_catalog(source: Union[str, "os.PathLike[str]", Mapping[str, Any]], over_reference: bool = True) -> Catalog:
    """Read a catalogue (``barrierfree.catalog/1``): a path, a dict or JSON text.

    With ``over_reference`` (the default) it may list only some remedies; the
    reference catalogue supplies the rest. Raises :class:`CatalogError`.
    """
    value, errors = _core._parse_catalog(_text_of(source, "load_catalog", CatalogError, "catalog"), over_reference)
    if errors:
        raise CatalogError([Error(*e) for e in errors])
    return value


def load_regions(source: Union[str, "os.PathLike[str]", Mapping[str, Any]]) -> Regions:
    """Read regional cost factors (``barrierfree.regions/1``). Raises :class:`CatalogError`."""
    value, errors = _core._parse_regions(_text_of(source, "load_regions", CatalogError, "regions"))
    if errors:
        raise CatalogError([Error(*e) for e in errors])
    return value


def _as_case(case: Union[Case, CaseSource]) -> Case:
    return case if isinstance(case, Case) else load_case(case)


def check(case: Union[Case, CaseSource], standard: Union[str, None] = None,
          rules: Union[Ruleset, str, "os.PathLike[str]", None] = None) -> CheckResult:
    """Check a household: the barriers that stand in the way of its occupants.

    ``case`` is a :class:`Case` or anything :func:`load_case` takes. The ruleset
    is ``rules`` (a :class:`Ruleset` or a ruleset file), else the built-in
    ``standard``, else the case's own standard or its region's default.
    ``ValueError`` for an unknown standard or both ``standard`` and ``rules``.
    """
    return _core._check(_as_case(case), _chosen_ruleset(standard, rules))


def _chosen_ruleset(standard: Union[str, None], rules: Any) -> Union[Ruleset, None]:
    """The ruleset asked for by ``standard=`` or ``rules=``; None for each case's own."""
    if standard is not None and rules is not None:
        raise ValueError("give either standard= or rules=, not both")
    if rules is not None:
        chosen = rules if isinstance(rules, Ruleset) else load_ruleset(rules)
        _rulesets_used[chosen.id] = chosen  # drawings of its results find it by their standard
        return chosen
    if standard is not None:
        return ruleset(standard)
    return None


# Rulesets of one's own that results were made with, by id (a result names its standard only).
_rulesets_used: Dict[str, Ruleset] = {}


class _NoBudget:
    """The default of ``budget``: the case's own."""

    def __repr__(self) -> str:
        return "<the case's own>"


_NO_BUDGET = _NoBudget()


def _plan_arguments(budget: Any = _NO_BUDGET,
                    catalog: Union[Catalog, str, "os.PathLike[str]", Mapping[str, Any], None] = None,
                    region: Union[str, None] = None, regions: Union[Regions, None] = None,
                    structural_first: bool = False, max_items: Union[int, None] = None,
                    subsidy_caps: Union[Mapping[str, float], None] = None) -> tuple:
    """The plan options, checked, in the order the core takes them (after the ruleset)."""
    no_budget = budget is None
    if budget is _NO_BUDGET or budget is None:
        budget_value = None
    else:
        if isinstance(budget, bool) or not isinstance(budget, numbers.Real):
            raise ArgumentTypeError(f"budget must be a number (or None), not {type(budget).__name__}")
        if not budget >= 0 or not math.isfinite(budget):
            raise ValueError(f"budget must be a non-negative finite number or None, not {budget!r}")
        budget_value = float(budget)
    if max_items is not None:
        if isinstance(max_items, bool) or not isinstance(max_items, numbers.Integral):
            raise ArgumentTypeError(f"max_items must be an integer, not {type(max_items).__name__}")
        if not 0 <= max_items <= 10_000:
            raise ValueError(f"max_items must be from 0 to 10000, not {max_items!r}")
        max_items = int(max_items)
    chosen_catalog = catalog if isinstance(catalog, Catalog) or catalog is None else load_catalog(catalog)
    if regions is not None and not isinstance(regions, Regions):
        regions = load_regions(regions)
    if region is not None and not isinstance(region, str):
        raise ArgumentTypeError(f"region must be an ISO 3166-2 code such as 'CN-42' (str), not {type(region).__name__}")
    table = regions if regions is not None else _core._builtin_regions()  # an empty table is a table
    if region is not None and table.factors(region) is None:
        # Asked for by name: priced at the reference level in silence otherwise.
        raise ValueError(f"no price factors for region {region!r} (known: {', '.join(table.codes) or 'none'})")
    # "no" is a truthy string: only a yes-or-no (numpy's too) says yes or no.
    if not isinstance(structural_first, bool) and getattr(getattr(structural_first, "dtype", None), "kind", "") != "b":
        raise ArgumentTypeError(f"structural_first must be True or False, not {type(structural_first).__name__}")
    caps = {}
    if subsidy_caps is not None and not isinstance(subsidy_caps, collections.abc.Mapping):
        raise ArgumentTypeError(f"subsidy_caps must map remedies to sums, not {type(subsidy_caps).__name__}")
    known = set(remedy_kinds())
    for remedy, cap in (subsidy_caps or {}).items():
        if remedy not in known:
            # A cap on a misspelt remedy would cap nothing, in silence.
            close = difflib.get_close_matches(str(remedy), sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"subsidy_caps names no remedy {remedy!r}{hint}")
        if isinstance(cap, bool) or not isinstance(cap, numbers.Real):
            raise ArgumentTypeError(f"subsidy cap of {remedy!r} must be a number, not {type(cap).__name__}")
        if not cap >= 0 or not math.isfinite(cap):
            raise ValueError(f"subsidy cap of {remedy!r} must be a non-negative finite sum, not {cap!r}")
        caps[str(remedy)] = float(cap)
    return (chosen_catalog, regions, budget_value, no_budget, region, bool(structural_first), max_items, caps)


def plan(case: Union[Case, CaseSource], budget: Any = _NO_BUDGET,
         catalog: Union[Catalog, str, "os.PathLike[str]", Mapping[str, Any], None] = None,
         region: Union[str, None] = None, standard: Union[str, None] = None,
         rules: Union[Ruleset, str, "os.PathLike[str]", None] = None, regions: Union[Regions, None] = None,
         structural_first: bool = False, max_items: Union[int, None] = None,
         subsidy_caps: Union[Mapping[str, float], None] = None) -> PlanResult:
    """Choose, prove and price a household's modifications (一户一策).

    ``budget``: a number, or ``None`` for no cap; by default the case's own.
    ``catalog``: a :class:`Catalog` or a catalogue file (over the reference).
    ``region``: ISO 3166-2 code for cost factors; by default the case's own.
    ``structural_first``: 设施改造优先; ``max_items``: at most that many items;
    ``subsidy_caps``: per-remedy caps on what the budget pays.
    ``ValueError`` for bad arguments.
    """
    chosen = _chosen_ruleset(standard, rules)
    options = _plan_arguments(budget, catalog, region, regions, structural_first, max_items, subsidy_caps)
    household = _as_case(case)
    said = _core._plan_warnings(household, options[1], options[4])
    if said:
        # case.906: a region without price factors is priced at the reference level.
        warnings.warn(CaseWarning([Error(*e) for e in said], household.id), stacklevel=_outside_stacklevel())
    return _core._plan(household, chosen, *options)


def calibrate(bills: Union[str, "os.PathLike[str]"], catalog: Union[Catalog, None] = None,
              region: Union[str, None] = None) -> dict:
    """Fit unit costs to past bills (CSV: household,total,<remedy>,…) by non-negative least squares.

    Returns a catalogue override as a dict (write it as JSON and pass it as
    ``catalog=``), with the fit's residuals under ``"calibration"``.
    """
    if isinstance(bills, str) and "\n" in bills:
        text = bills
    else:
        try:
            text = Path(bills).read_text(encoding="utf-8")
        except OSError as e:
            raise CatalogError([Error("catalog.100", "", f'cannot open "{bills}": {e.strerror or e}')]) from None
    if catalog is not None and not isinstance(catalog, Catalog):
        catalog = load_catalog(catalog)
    value, errors = _core._calibrate_csv(text, catalog, region)
    if errors:
        raise CatalogError([Error(*e) for e in errors])
    return value
