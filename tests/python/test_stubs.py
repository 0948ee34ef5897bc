"""The checked-in stubs of the compiled module are what pybind11-stubgen makes of it now."""
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, optional

STUBS = ROOT / "python" / "barrierfree" / "_core.pyi"


def test_stubs_are_current(tmp_path: Path):
    optional("pybind11_stubgen")
    subprocess.run([sys.executable, "-m", "pybind11_stubgen", "barrierfree._core", "--output-dir", str(tmp_path),
                    "--numpy-array-remove-parameters"], check=True, capture_output=True)
    generated = (tmp_path / "barrierfree" / "_core.pyi").read_text(encoding="utf-8")
    assert generated == STUBS.read_text(encoding="utf-8"), "regenerate: scripts/gen-stubs.sh"


def test_the_package_is_typed():
    import barrierfree

    assert (Path(barrierfree.__file__).parent / "py.typed").exists()
    assert (Path(barrierfree.__file__).parent / "_core.pyi").exists()
