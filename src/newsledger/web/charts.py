"""Charts drawn on the server as SVG geometry (no script, no inline style).

``act_chart(counts)`` takes ``{"YYYY-MM": {act: count}}`` and returns the bars of a stacked
column chart (one column per month, one colour class ``act-ACT`` per speech act) for the
``_chart.html`` template to draw.
"""

from __future__ import annotations

from typing import Any

from newsledger.model import ACTS

WIDTH, HEIGHT, PAD, LABEL = 640, 180, 24, 18


def act_chart(counts: dict[str, dict[str, int]]) -> dict[str, Any] | None:
    if not counts:
        return None
    months = list(counts)
    tallest = max(sum(acts.values()) for acts in counts.values()) or 1
    step = (WIDTH - 2 * PAD) / len(months)
    width = max(4.0, min(48.0, step * 0.7))
    scale = (HEIGHT - PAD - LABEL) / tallest
    columns = []
    for index, month in enumerate(months):
        x = PAD + index * step + (step - width) / 2
        y = HEIGHT - LABEL
        bars = []
        for act in ACTS:
            count = counts[month].get(act, 0)
            if not count:
                continue
            height = count * scale
            y -= height
            bars.append({"x": round(x, 1), "y": round(y, 1), "width": round(width, 1),
                         "height": round(height, 1), "act": act, "count": count})
        total = sum(counts[month].values())
        columns.append({"month": month, "total": total, "bars": bars,
                        "label_x": round(x + width / 2, 1), "total_y": round(y - 4, 1)})
    used = [act for act in ACTS if any(act in c for c in counts.values())]
    return {"width": WIDTH, "height": HEIGHT, "label_y": HEIGHT - 4, "columns": columns,
            "acts": used, "tallest": tallest}
