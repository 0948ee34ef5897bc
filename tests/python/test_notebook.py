"""docs/notebooks/quickstart.ipynb runs top to bottom and is stored without outputs."""
import json
import os

from conftest import ROOT, optional

NOTEBOOK = ROOT / "docs" / "notebooks" / "quickstart.ipynb"


def test_stored_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_runs_top_to_bottom():
    nbformat = optional("nbformat")
    nbclient = optional("nbclient")
    optional("pandas")
    optional("matplotlib")
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    env_backend = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "Agg"
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        if env_backend is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = env_backend
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
