from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def example_paths():
    paths = sorted((ROOT / "data" / "examples").glob("*.json"))
    assert paths, "no bundled examples found"
    return paths
