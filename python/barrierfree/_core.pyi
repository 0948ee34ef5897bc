"""
barrierfree's compiled core; use the barrierfree package instead.
"""
from __future__ import annotations
import collections.abc
import typing
__all__: list[str] = ['Case', 'Catalog', 'CheckResult', 'Finding', 'Plan', 'PlanItem', 'PlanResult', 'Regions', 'Rollup', 'Ruleset', 'check_kinds', 'remedy_kinds']
class Case:
    """
    One household: the people, their home and the money available.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Case) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def _repr_svg_(self) -> str | None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The case as a dict in the barrierfree.case/1 format.
        """
    def to_json(self) -> str:
        """
        The case as compact JSON text (one line).
        """
    @property
    def budget(self) -> float | None:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def occupant_ids(self) -> list[str]:
        ...
    @property
    def region(self) -> str | None:
        ...
    @property
    def room_ids(self) -> list[str]:
        ...
    @property
    def standard(self) -> str | None:
        ...
class Ruleset:
    """
    The requirements of one standard, as data (docs/rules.md).
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def edition(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def rules(self) -> list:
        """
        Every rule as a dict: id, check, clause, citation, confidence, params, applies, remedies, note.
        """
    @property
    def title(self) -> dict:
        ...
class Finding:
    """
    One barrier: a check that failed, or could not be made, for some occupants.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The finding as in its result's JSON.
        """
    @property
    def at(self) -> typing.Any:
        ...
    @property
    def check(self) -> str:
        ...
    @property
    def confidence(self) -> str:
        ...
    @property
    def detail(self) -> typing.Any:
        ...
    @property
    def element(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def measured(self) -> typing.Any:
        ...
    @property
    def message(self) -> dict:
        ...
    @property
    def missing(self) -> list[str]:
        ...
    @property
    def occupants(self) -> list[str]:
        ...
    @property
    def remedies(self) -> list[str]:
        ...
    @property
    def required(self) -> typing.Any:
        ...
    @property
    def room(self) -> str:
        ...
    @property
    def rule(self) -> str:
        ...
    @property
    def rule_id(self) -> str:
        ...
    @property
    def severity(self) -> int:
        ...
    @property
    def severity_by_occupant(self) -> dict[str, int]:
        ...
    @property
    def status(self) -> str:
        ...
    @property
    def unit(self) -> str:
        ...
    @property
    def weight(self) -> int:
        """
        Severities summed over the occupants concerned.
        """
class CheckResult:
    """
    The findings for one household under one ruleset.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The result as a dict, equal to what `barrierfree check` prints.
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        ...
    @property
    def checked(self) -> list[str]:
        """
        Check kinds that ran (someone needs them); a kind here without a finding passed.
        """
    @property
    def findings(self) -> list[Finding]:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def not_assessed(self) -> list:
        ...
    @property
    def score(self) -> int:
        """
        Person–environment fit score (higher is worse).
        """
    @property
    def standard(self) -> str:
        ...
class Catalog:
    """
    Remedy unit costs and how quantities are derived (docs/planning.md).
    """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __getitem__(self, arg0: str) -> dict:
        ...
    def __iter__(self) -> collections.abc.Iterator:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def fees(self) -> dict:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def items(self) -> list:
        ...
    @property
    def price_year(self) -> int:
        ...
class Regions:
    """
    Material and labour cost factors by region.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def factors(self, code: str) -> typing.Any:
        """
        The factors of a region (ISO 3166-2 code or alias), or None.
        """
    @property
    def codes(self) -> list[str]:
        ...
    @property
    def id(self) -> str:
        ...
class PlanItem:
    """
    One line of the bill of quantities.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The item as in the plan's JSON.
        """
    @property
    def cost(self) -> float:
        ...
    @property
    def element(self) -> str:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def labour(self) -> float:
        ...
    @property
    def material(self) -> float:
        ...
    @property
    def name(self) -> dict:
        ...
    @property
    def quantity(self) -> float:
        ...
    @property
    def reduces(self) -> list[str]:
        ...
    @property
    def remedy(self) -> str:
        ...
    @property
    def resolves(self) -> list[str]:
        ...
    @property
    def subsidy(self) -> float:
        ...
    @property
    def unit(self) -> str:
        ...
    @property
    def unit_cost(self) -> float:
        ...
class Plan:
    """
    The chosen modifications, priced, and what is left.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The plan as in its result's JSON.
        """
    @property
    def budget(self) -> float | None:
        ...
    @property
    def copay(self) -> float:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def deferred(self) -> list:
        """
        Remedies left out, with what they would resolve and why (as in the JSON).
        """
    @property
    def fees(self) -> dict:
        """
        Fees on the subtotal, in money.
        """
    @property
    def items(self) -> list[PlanItem]:
        ...
    @property
    def optimal(self) -> bool:
        ...
    @property
    def region(self) -> str:
        ...
    @property
    def residual(self) -> list:
        """
        What is left when the plan is applied, and why (as in the JSON).
        """
    @property
    def subsidy(self) -> float:
        ...
    @property
    def subtotal(self) -> float:
        ...
    @property
    def total(self) -> float:
        ...
    @property
    def verified(self) -> bool:
        ...
class PlanResult:
    """
    A household's findings, plan and scores before and after.
    """
    def __repr__(self) -> str:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The result as a dict, equal to what `barrierfree plan` prints.
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        ...
    @property
    def after(self) -> CheckResult:
        ...
    @property
    def before(self) -> CheckResult:
        ...
    @property
    def findings(self) -> list[Finding]:
        ...
    @property
    def home(self) -> Case:
        """
        The household as planned (before any change).
        """
    @property
    def id(self) -> str:
        ...
    @property
    def modified(self) -> Case:
        """
        The home with the plan applied.
        """
    @property
    def plan(self) -> Plan:
        ...
    @property
    def score_after(self) -> int:
        ...
    @property
    def score_before(self) -> int:
        ...
    @property
    def standard(self) -> str:
        ...
class Rollup:
    """
    Totals over many households' plans.
    """
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, result: typing.Any) -> None:
        """
        Count a result, or a BatchError as the error it is (as the batch runner's summary does); a
            result saved as its to_dict(), or a line of `barrierfree batch`'s output, counts as the result.
        """
    def add_error(self, code: str = 'case.100') -> None:
        """
        Count a household that could not be read.
        """
    def merge(self, other: Rollup) -> None:
        """
        Add another roll-up's counts.
        """
    def to_dict(self) -> typing.Any:
        ...
    @property
    def errors(self) -> int:
        ...
    @property
    def households(self) -> int:
        ...
    @property
    def total(self) -> float:
        """
        The cost of all plans, to the cent (as to_dict() gives it).
        """
def _batch_chunk(items: list, first_line: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex, check_only: bool, rules: Ruleset, catalog: Catalog, regions: Regions, budget: typing.SupportsFloat | typing.SupportsIndex | None, no_budget: bool, region: str | None, structural_first: bool, max_items: typing.SupportsInt | typing.SupportsIndex | None, caps: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]) -> list:
    ...
def _builtin_catalog() -> Catalog:
    ...
def _builtin_regions() -> Regions:
    ...
def _builtin_ruleset(arg0: str) -> Ruleset:
    ...
def _builtin_ruleset_ids() -> list[str]:
    ...
def _calibrate_csv(arg0: str, arg1: Catalog, arg2: str | None) -> tuple:
    ...
def _check(case: Case, rules: Ruleset) -> CheckResult:
    ...
def _draw(case: Case, rules: Ruleset, plan: PlanResult, checked: CheckResult, lang: str, standalone: bool, lists: bool) -> str:
    ...
def _parse_catalog(arg0: str, arg1: bool) -> tuple:
    ...
def _parse_regions(arg0: str) -> tuple:
    ...
def _parse_ruleset(arg0: str) -> tuple:
    ...
def _plan(arg0: Case, arg1: Ruleset, arg2: Catalog, arg3: Regions, arg4: typing.SupportsFloat | typing.SupportsIndex | None, arg5: bool, arg6: str | None, arg7: bool, arg8: typing.SupportsInt | typing.SupportsIndex | None, arg9: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]) -> PlanResult:
    ...
def _plan_warnings(arg0: Case, arg1: Regions, arg2: str | None) -> list:
    ...
def _read_case_object(obj: typing.Any) -> tuple:
    ...
def _read_case_text(text: str) -> tuple:
    ...
def _report(plan: PlanResult, rules: Ruleset, lang: str) -> str:
    ...
def check_kinds() -> list[str]:
    """
    The names of every check kind, in the order of check-kinds.md.
    """
def remedy_kinds() -> list[str]:
    """
    The names of every remedy.
    """
__version__: str = '0.1.0'
