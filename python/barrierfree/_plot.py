"""Pictures: the drawing of a home with matplotlib, and how results show themselves in a notebook.

The drawing is made once, by the library (the same as ``barrierfree render``), as SVG;
:func:`plot` puts its shapes on matplotlib axes, so the two never differ.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any, List, Optional, Union

from . import _core
from ._core import Case, CheckResult, PlanResult

#: Language of drawings shown in notebooks (``_repr_svg_``): "zh" or "en".
display_language = "zh"

_SVG = "{http://www.w3.org/2000/svg}"
def _installed_fonts() -> List[str]:
    """The families of _FONTS this machine has (matplotlib logs a line for every text and every
    family it lacks: thousands a drawing), with a generic family last so that text is drawn anyway."""
    global _installed
    if _installed is None:
        from matplotlib import font_manager

        have = {f.name for f in font_manager.fontManager.ttflist}
        _installed = [f for f in _FONTS if f in have or f == "sans-serif"]
    return _installed


_installed: Optional[List[str]] = None

_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei",
          "DejaVu Sans", "sans-serif"]


def _rules_for(standard: str, rules: Any):
    """The ruleset to draw with: the one given, else one of one's own a result was made with."""
    from . import _rulesets_used

    if rules is not None and not isinstance(rules, _core.Ruleset):
        from . import load_ruleset

        rules = load_ruleset(rules)
    return rules if rules is not None else _rulesets_used.get(standard)


def drawing_svg(what: Union[Case, PlanResult], lang: Optional[str] = None, page: bool = False,
                lists: bool = True, rules: Any = None, result: Optional[CheckResult] = None) -> str:
    """The SVG drawing of a case (with its findings) or of a plan result (with its modifications).

    ``page``: an A4 landscape page as ``barrierfree render`` writes it; otherwise an
    ``<svg>`` that fills its container. ``lists``: the list of findings beside the plan.
    ``result``: the check of a case to draw (by default the case is checked with ``rules``, else
    its own standard). ``rules``: the ruleset of the turning circles; by default the result's
    standard, built in or of one's own that a result was made with in this session.
    """
    lang = lang or display_language
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if isinstance(what, PlanResult):
        return _core._draw(what.home, _rules_for(what.standard, rules), what, None, lang, page, lists)
    if isinstance(what, Case):
        if result is not None and not isinstance(result, CheckResult):
            raise TypeError(f"result must be a CheckResult, not {type(result).__name__}")
        chosen = _rules_for(result.standard, rules) if result is not None else rules
        return _core._draw(what, chosen, None, result, lang, page, lists)
    raise TypeError(f"expected a Case or a PlanResult, not {type(what).__name__}")


def report_html(result: PlanResult, lang: Optional[str] = None, rules: Any = None) -> str:
    """The household's printable report (as ``barrierfree report`` writes it)."""
    lang = lang or display_language
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if not isinstance(result, PlanResult):
        raise TypeError(f"expected a PlanResult, not {type(result).__name__}")
    return _core._report(result, _rules_for(result.standard, rules), lang)


def _floats(text: str):
    return [float(x) for x in re.findall(r"-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?", text)]


def _arc_points(x1, y1, rx, sweep, x2, y2, steps=24):
    """Points of the SVG arc (circular, small) from (x1, y1) to (x2, y2)."""
    dx, dy = (x2 - x1) / 2, (y2 - y1) / 2
    d2 = dx * dx + dy * dy
    if d2 == 0:
        return [(x1, y1)]
    h = math.sqrt(max(rx * rx / d2 - 1, 0))
    # The centre is on the side that makes the sweep go the asked way (SVG 1.1, F.6.5, small arc).
    sign = 1 if sweep else -1
    cx, cy = x1 + dx - sign * h * dy, y1 + dy + sign * h * dx
    a1, a2 = math.atan2(y1 - cy, x1 - cx), math.atan2(y2 - cy, x2 - cx)
    delta = a2 - a1
    if sweep and delta < 0:
        delta += 2 * math.pi
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    return [(cx + rx * math.cos(a1 + delta * k / steps), cy + rx * math.sin(a1 + delta * k / steps))
            for k in range(steps + 1)]


def plot(case: Union[Case, PlanResult, Any], result: Optional[Union[CheckResult, PlanResult]] = None, ax=None,
         plan: bool = False, lang: Optional[str] = None, lists: bool = False):
    """Draw the home with matplotlib, as the SVG drawing does; returns the axes.

    ``case`` is a :class:`Case` (or anything :func:`barrierfree.load_case` takes) or a
    :class:`PlanResult`. The findings are numbered on the plan; with ``plan=True`` (or a
    :class:`PlanResult` as ``result``) the modifications are drawn in blue. ``lists``
    adds the list of findings beside the plan.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle

    from . import load_case
    from . import plan as make_plan

    checked: Optional[CheckResult] = None
    if isinstance(result, PlanResult):
        what: Union[Case, PlanResult] = result
    elif isinstance(case, PlanResult):
        what = case
    else:
        home = case if isinstance(case, Case) else load_case(case)
        if result is not None and not isinstance(result, CheckResult):
            raise TypeError(f"result must be a CheckResult or a PlanResult, not {type(result).__name__}")
        checked = result  # the findings to number: those of this check, not of the case's own standard
        what = make_plan(home) if plan and checked is None else home
    root = ET.fromstring(drawing_svg(what, lang=lang, page=False, lists=lists, result=checked))
    width, height = _floats(root.get("viewBox"))[2:]
    if ax is None:
        _, ax = plt.subplots(figsize=(11.69, 11.69 * height / width))
    fig = ax.figure
    fig.canvas.draw_idle()
    # Paper millimetres to points, for line widths and text sizes.
    bbox = ax.get_position()
    mm_to_pt = fig.get_figwidth() * bbox.width * 72.0 / width

    def style(e):
        stroke = e.get("stroke", "none")
        fill = e.get("fill", "none")
        dash = e.get("stroke-dasharray")
        kw = {
            "edgecolor": None if stroke == "none" else stroke,
            "facecolor": "none" if fill == "none" else fill,
            "linewidth": float(e.get("stroke-width", "0")) * mm_to_pt if stroke != "none" else 0,
        }
        if dash:
            kw["linestyle"] = (0, [max(v * mm_to_pt / max(kw["linewidth"], 0.1), 0.5) for v in _floats(dash)])
        if e.get("fill-opacity") and fill != "none":
            from matplotlib.colors import to_rgba
            kw["facecolor"] = to_rgba(fill, float(e.get("fill-opacity")))
        return kw

    z = 0
    for e in root.iter():
        tag = e.tag.replace(_SVG, "")
        z += 1
        if tag == "polygon":
            pts = _floats(e.get("points"))
            ax.add_patch(Polygon(list(zip(pts[::2], pts[1::2])), closed=True, zorder=z, **style(e)))
        elif tag == "rect":
            x, y, w, h = (float(e.get(k)) for k in ("x", "y", "width", "height"))
            rx = float(e.get("rx", "0"))
            if rx > 0:  # the labels of findings and plan items are rounded
                ax.add_patch(FancyBboxPatch((x + rx, y + rx), w - 2 * rx, h - 2 * rx,
                                            boxstyle=f"round,pad={rx},rounding_size={rx}", zorder=z, **style(e)))
            else:
                ax.add_patch(Rectangle((x, y), w, h, zorder=z, **style(e)))
        elif tag == "circle":
            ax.add_patch(Circle((float(e.get("cx")), float(e.get("cy"))), float(e.get("r")), zorder=z, **style(e)))
        elif tag == "line":
            s = style(e)
            x1, y1, x2, y2 = (float(e.get(k)) for k in ("x1", "y1", "x2", "y2"))
            ax.plot([x1, x2], [y1, y2], color=s["edgecolor"], linewidth=s["linewidth"],
                    linestyle=s.get("linestyle", "-"), solid_capstyle="round", zorder=z)
        elif tag == "path":
            v = _floats(e.get("d"))
            pts = _arc_points(v[0], v[1], v[2], int(v[6]), v[7], v[8])
            s = style(e)
            ax.plot([p[0] for p in pts], [p[1] for p in pts], color=s["edgecolor"], linewidth=s["linewidth"],
                    linestyle=s.get("linestyle", "-"), zorder=z)
        elif tag == "text" and e.text:
            rotation = 0.0
            transform = e.get("transform")
            if transform and transform.startswith("rotate"):
                rotation = -_floats(transform)[0]
            anchor = {"start": "left", "middle": "center", "end": "right"}[e.get("text-anchor", "start")]
            ax.text(float(e.get("x")), float(e.get("y")), e.text, fontsize=float(e.get("font-size")) * mm_to_pt,
                    ha=anchor, va="baseline", color=e.get("fill", "black"), rotation=rotation,
                    rotation_mode="anchor", family=_installed_fonts(),
                    fontweight="bold" if e.get("font-weight") == "bold" else "normal", zorder=z)
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


# How results show themselves in a notebook.

def _case_svg(self: Case) -> Optional[str]:
    try:
        return drawing_svg(self, lists=False)
    except ValueError:  # a standard this session does not know: the notebook shows the repr instead
        return None


def _plan_html(self: PlanResult) -> str:
    p = self.plan
    budget = "" if p.budget is None else f" / {p.budget:,.2f}"
    import html

    head = (f"<p><b>{html.escape(self.id)}</b> ({html.escape(self.standard)}): {len(p.items)} items, "
            f"total {p.total:,.2f} {html.escape(p.currency)}"
            f"{budget}; score {self.score_before} → {self.score_after}; "
            f"{'verified' if p.verified else 'NOT verified'}</p>")
    return head + drawing_svg(self, lists=True)


def _check_html(self: CheckResult) -> str:
    import html

    rows = "".join(
        f"<tr><td>{f.id}</td><td>{html.escape(f.check)}</td><td>{html.escape(f.element)}</td><td>{f.status}</td>"
        f"<td>{f.severity}</td><td>{html.escape(f.message[display_language])}</td></tr>" for f in self.findings)
    return (f"<p><b>{html.escape(self.id)}</b> ({html.escape(self.standard)}): {len(self.findings)} findings, "
            f"score {self.score}</p>"
            "<table><tr><th>id</th><th>check</th><th>element</th><th>status</th><th>severity</th><th>message</th></tr>"
            f"{rows}</table>")


Case._repr_svg_ = _case_svg
PlanResult._repr_html_ = _plan_html
CheckResult._repr_html_ = _check_html
