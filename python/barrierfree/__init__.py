"""barrierfree: plan barrier-free modifications of the homes of disabled people.

Load a household case (the ``barrierfree.case/1`` JSON format)::

    import barrierfree
    case = barrierfree.load_case("data/examples/wheelchair-user.json")

Bad input raises :class:`CaseError`, whose ``errors`` list every problem with
its stable id and the JSON pointer of the bad field.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Mapping, Union

from . import _core
from ._core import Case, CheckResult, Finding, Ruleset, check_kinds, remedy_kinds

__version__: str = _core.__version__

__all__ = [
    "Case",
    "CaseError",
    "CheckResult",
    "Error",
    "Finding",
    "Ruleset",
    "RulesetError",
    "check",
    "check_kinds",
    "load_case",
    "load_ruleset",
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
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


class CaseError(ValueError):
    """A case that cannot be read or is not valid; ``errors`` lists every problem."""

    def __init__(self, errors: List[Error]):
        self.errors = list(errors)
        first = str(self.errors[0]) if self.errors else "invalid case"
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(first + more)


class RulesetError(ValueError):
    """A ruleset that cannot be read or is not valid; ``errors`` lists every problem."""

    def __init__(self, errors: List[Error]):
        self.errors = list(errors)
        first = str(self.errors[0]) if self.errors else "invalid ruleset"
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(first + more)


CaseSource = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def _finish(result) -> Case:
    case, errors, _warnings = result
    if errors:
        raise CaseError([Error(*e) for e in errors])
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
        return _finish(_core._read_case_text(_read_path(Path(source))))
    if isinstance(source, str):
        # JSON text, not a file name: it opens with a bracket, spans lines or is blank.
        stripped = source.strip()
        if not stripped or stripped[0] in "{[" or "\n" in source:
            return _finish(_core._read_case_text(source))
        return _finish(_core._read_case_text(_read_path(Path(source))))
    raise TypeError(f"load_case() takes a path, a dict or JSON text, not {type(source).__name__}")


def _read_path(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise CaseError([Error("case.100", "", f'cannot open "{path}": {e.strerror or e}')]) from None


def rulesets() -> List[Ruleset]:
    """The built-in rulesets: GB50763-2012, GB55019-2021, ADA-2010, CDPF-HOME."""
    return [_core._builtin_ruleset(i) for i in _core._builtin_ruleset_ids()]


def ruleset(standard: str) -> Ruleset:
    """A built-in ruleset by id; ``ValueError`` for an unknown id."""
    if not isinstance(standard, str):
        raise TypeError(f"standard must be a ruleset id (str), not {type(standard).__name__}")
    return _core._builtin_ruleset(standard)


def load_ruleset(source: Union[str, "os.PathLike[str]", Mapping[str, Any]]) -> Ruleset:
    """Read a ruleset of your own (``barrierfree.ruleset/1``): a path, a dict or JSON text.

    Raises :class:`RulesetError` listing every problem found.
    """
    import json

    if isinstance(source, Mapping):
        text = json.dumps(dict(source))
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as e:
            raise RulesetError([Error("ruleset.100", "", f'cannot open "{source}": {e.strerror or e}')]) from None
    elif isinstance(source, str):
        text = source
    else:
        raise TypeError(f"load_ruleset() takes a path, a dict or JSON text, not {type(source).__name__}")
    value, errors = _core._parse_ruleset(text)
    if errors:
        raise RulesetError([Error(*e) for e in errors])
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
    if standard is not None and rules is not None:
        raise ValueError("give either standard= or rules=, not both")
    chosen = None
    if rules is not None:
        chosen = rules if isinstance(rules, Ruleset) else load_ruleset(rules)
    elif standard is not None:
        chosen = ruleset(standard)
    return _core._check(_as_case(case), chosen)
