"""barrierfree.batch: many households on worker threads, results in input order."""
from __future__ import annotations

import json
import numbers
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

from . import _core
from ._core import Case, CheckResult, PlanResult

if TYPE_CHECKING:
    from . import Error


@dataclass(frozen=True)
class BatchError:
    """An input of a batch that gave no result: not JSON, not a valid case, or an unknown standard.

    ``to_dict()`` is the batch runner's error line: ``{"id", "line", "error", "errors"}``.
    """

    id: Optional[str]
    line: int
    errors: List["Error"]
    _line: Dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def error(self) -> "Error":
        """The first error."""
        return self.errors[0]

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(json.dumps(self._line))

    @classmethod
    def _from_line(cls, text: bytes) -> "BatchError":
        from . import Error

        d = json.loads(text)
        errors = [Error(e["code"], e["path"], e["message"]) for e in d["errors"]]
        return cls(d["id"], d["line"], errors, d)


BatchResult = Union[PlanResult, CheckResult, BatchError]


def _texts_of_file(path: Path) -> Iterator[bytes]:
    # Bytes, split as the CLI splits them: at "\n" only, one "\r" before it dropped. A line that
    # is not UTF-8 is then the core's case.101 for that line alone, and a lone "\r" is whitespace.
    with path.open("rb") as f:
        for line in f:
            if line.endswith(b"\n"):
                line = line[:-1]
            if line.endswith(b"\r"):
                line = line[:-1]
            yield line


@dataclass(frozen=True)
class _Refused:
    """An input that cannot even be written as JSON (a value JSON has no type for, a dict that
    contains itself): it becomes its BatchError here, not in the core."""

    id: Optional[str]
    message: str


def _plain(value: Any) -> Any:
    """numpy scalars and arrays (pandas gives them) as the Python values they hold."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"cannot put a {type(value).__name__} into a case")


def _item(x: Any) -> Union[Case, str, bytes, _Refused]:
    """What the core takes for one input: a Case, JSON text, or an input refused already."""
    if isinstance(x, Case):
        return x
    if isinstance(x, os.PathLike) or (isinstance(x, str) and _names_a_file(x)):
        # A case's file, as load_case reads it: a list of paths (glob("*.json")) is a batch too.
        try:
            return Path(x).read_bytes()
        except OSError as e:
            return _Refused(None, f"cannot read the case file {os.fspath(x)!r}: {e.strerror or e}")
    if isinstance(x, (str, bytes)):
        return x  # bytes as they are: text that is not UTF-8 is refused (case.101), not patched
    if isinstance(x, bytearray):
        return bytes(x)
    if isinstance(x, Mapping):
        x = dict(x)
    try:
        return json.dumps(x, ensure_ascii=False, allow_nan=False, default=_plain)
    except (TypeError, ValueError, RecursionError) as e:
        known = x.get("id") if isinstance(x, dict) and isinstance(x.get("id"), str) else None
        return _Refused(known, f"not a case that JSON can hold: {e}")


def _names_a_file(text: str) -> bool:
    """A string is a path where load_case takes it for one: one line, not opening with a bracket."""
    stripped = text.lstrip("\ufeff").strip()
    return bool(stripped) and stripped[0] not in "{[" and "\n" not in text


def _refused_error(r: _Refused, line: int) -> BatchError:
    from . import Error

    error = {"code": "case.103", "path": "", "message": r.message}
    return BatchError(r.id, line, [Error("case.103", "", r.message)],
                      {"id": r.id, "line": line, "error": error, "errors": [error]})


def batch(cases: Union[str, "os.PathLike[str]", Iterable[Any]], threads: Optional[int] = None,
          check_only: bool = False, *, standard: Optional[str] = None, rules: Any = None,
          chunk_size: Optional[int] = None, **plan_options: Any) -> Iterator[BatchResult]:
    """Check or plan many households on ``threads`` worker threads; yield one result per input, in order.

    ``cases`` is a JSON Lines file (a path) or any iterable of dicts, JSON strings or
    :class:`Case` objects; it is read lazily, ``chunk_size`` households at a time, so a
    long file is never held in memory. Each result is a :class:`PlanResult` (or, with
    ``check_only``, a :class:`CheckResult`) or, for an input that is not a valid case,
    a :class:`BatchError` with its line number: a batch never stops at a bad case.
    The heavy work runs with the GIL released. ``plan_options`` are those of
    :func:`barrierfree.plan` (``budget``, ``catalog``, ``region``, ``regions``,
    ``structural_first``, ``max_items``, ``subsidy_caps``).
    ``ValueError`` for bad arguments (raised at once, not at the first result).
    """
    from . import ArgumentTypeError, _chosen_ruleset, _plan_arguments

    if threads is None:
        threads = os.cpu_count() or 1
    # numpy's integers are integers (numbers.Integral); a string or a float is not.
    if isinstance(threads, bool) or not isinstance(threads, numbers.Integral):
        raise ArgumentTypeError(f"threads must be a whole number from 1 to 1024, not {type(threads).__name__}")
    threads = int(threads)
    if not 1 <= threads <= 1024:
        raise ValueError(f"threads must be a whole number from 1 to 1024, not {threads!r}")
    if chunk_size is None:
        chunk_size = 16 * threads
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, numbers.Integral):
        raise ArgumentTypeError(f"chunk_size must be a positive integer, not {type(chunk_size).__name__}")
    chunk_size = int(chunk_size)
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    chosen = _chosen_ruleset(standard, rules)
    if check_only and plan_options:
        # A budget or a region given to a batch of checks would be dropped in silence.
        raise ValueError(f"check_only=True takes no plan options: {', '.join(sorted(plan_options))}")
    options = _plan_arguments(**plan_options)

    if isinstance(cases, os.PathLike) or (isinstance(cases, str) and not cases.lstrip().startswith("{")):
        path = Path(cases)
        if not path.is_file():
            raise ValueError(f"no such JSON Lines file: {path}")
        inputs: Iterable[Any] = _texts_of_file(path)
    elif isinstance(cases, (str, bytes, Mapping, Case)):
        raise ValueError("batch() takes many cases: a JSON Lines path or an iterable of cases")
    else:
        try:
            inputs = iter(cases)
        except TypeError:
            raise ArgumentTypeError(f"batch() takes a JSON Lines path or an iterable of cases, "
                                    f"not {type(cases).__name__}") from None

    def results() -> Iterator[BatchResult]:
        line = 1
        chunk: List[Any] = []
        for x in inputs:
            chunk.append(_item(x))
            if len(chunk) == chunk_size:
                yield from _run(chunk, line)
                line += len(chunk)
                chunk = []
        if chunk:
            yield from _run(chunk, line)

    def _run(chunk: List[Any], first_line: int) -> Iterator[BatchResult]:
        # A refused input keeps its place (and line number) as an empty line the core answers; its
        # own error then takes that answer's place.
        given = ["" if isinstance(x, _Refused) else x for x in chunk]
        out = _core._batch_chunk(given, first_line, threads, bool(check_only), chosen, *options)
        for i, r in enumerate(out):
            if isinstance(chunk[i], _Refused):
                yield _refused_error(chunk[i], first_line + i)
            else:
                yield BatchError._from_line(r) if isinstance(r, bytes) else r

    return results()
