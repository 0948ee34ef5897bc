import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The command-line tool: $BARRIERFREE_CLI (scripts/test.sh sets it, and then it must exist),
# else the in-tree build; tests of the tool are skipped only when neither is there.
CLI = Path(os.environ.get("BARRIERFREE_CLI", ROOT / "build" / "src" / "cli" / "barrierfree"))
if "BARRIERFREE_CLI" in os.environ and not CLI.exists():
    raise RuntimeError(f"BARRIERFREE_CLI={CLI} does not exist")
needs_cli = pytest.mark.skipif(not CLI.exists(), reason="the command-line tool is not built")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def example_paths():
    paths = sorted((ROOT / "data" / "examples").glob("*.json"))
    assert paths, "no bundled examples found"
    return paths


def optional(module: str):
    """An optional dependency (pandas, matplotlib, nbclient): skipped when absent, except in
    CI (scripts/test.sh sets BARRIERFREE_ALL_EXTRAS), where every test must run."""
    if os.environ.get("BARRIERFREE_ALL_EXTRAS"):
        return __import__(module)
    return pytest.importorskip(module)
