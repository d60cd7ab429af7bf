"""The benchmark's results as Markdown (tables, targets met or missed) and as an SVG plot.

Pure functions: the results dictionary in, text out.
"""

from __future__ import annotations

import math
import statistics
from html import escape

RESULTS_START = "<!-- benchmark results: written by `make bench`, do not edit by hand -->"
RESULTS_END = "<!-- end of benchmark results -->"

OURS_COLOUR = "#005EB8"  # NHS Blue, as the hub's header
PLAIN_COLOUR = "#4C6272"  # NHS Dark Grey
PLOTTED = "cpu_seconds"  # the plot shows CPU time, the measure the targets are judged on


def median(values: list[float]) -> float:
    return statistics.median(values)


def _s(seconds: float) -> str:
    if seconds < 0.1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _mib(values: list[float]) -> str:
    return f"{max(values):.0f} MiB" if values else "–"


def _ratio(ours: dict, plain: dict, key: str = "seconds") -> float:
    return median(ours[key]) / median(plain[key])


def _cpu(timing: dict) -> str:
    return _s(median(timing["cpu_seconds"])) if timing.get("cpu_seconds") else "–"


def _ratios(ours: dict, plain: dict) -> str:
    """'1.12× CPU, 1.18× wall': the target is judged on CPU time (see the note)."""
    return f"{_ratio(ours, plain, 'cpu_seconds'):.2f}× CPU, {_ratio(ours, plain):.2f}× wall"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


# --- targets ---


def targets(results: dict) -> list[tuple[str, str, bool]]:
    """(target, what was measured, met?) for each target in the issue, where measured."""
    rows = []
    hub = results.get("hub")
    if hub:
        ratio = _ratio(hub["ours"], hub["plain"], "cpu_seconds")
        measured = f"{_ratios(hub['ours'], hub['plain'])} ({_cpu(hub['ours'])} against {_cpu(hub['plain'])} CPU)"
        if "ours_cold" in hub:
            measured += (
                f"; cold, documents made afresh: {_ratios(hub['ours_cold'], hub['plain'])}"
                f" ({_cpu(hub['ours_cold'])} CPU)"
            )
        rows.append(("Hub build ≤ 1.15 × plain Material (documents from the cache)", measured, ratio <= 1.15))
    sessions = {row["sessions"]: row for row in results.get("sessions", [])}
    if 2500 in sessions and 5000 in sessions:
        growth = median(sessions[5000]["ours"]["cpu_seconds"]) / median(sessions[2500]["ours"]["cpu_seconds"])
        wall = median(sessions[5000]["ours"]["seconds"]) / median(sessions[2500]["ours"]["seconds"])
        rows.append(
            ("Build time 2,500 → 5,000 sessions ≤ 2.1 ×", f"{growth:.2f}× CPU, {wall:.2f}× wall", growth <= 2.1)
        )
    pipeline = {row["sessions"]: row for row in results.get("events_pipeline", [])}
    if 5000 in pipeline:
        timing = pipeline[5000]["timing"]
        cpu = median(timing.get("cpu_seconds") or timing["seconds"])
        rows.append(
            (
                "Events pipeline for 5,000 sessions < 2 s",
                f"{_s(cpu)} CPU, {_s(median(timing['seconds']))} wall",
                cpu < 2,
            )
        )
    if sessions:
        largest = max(sessions)
        links = sessions[largest].get("session_links_in_nav")
        if links is not None:
            rows.append(
                (
                    "Session pages stay out of the nav",
                    f"{links} session links in the home page's navigation at {largest:,} sessions",
                    links == 0,
                )
            )
    pages = {row["pages"]: row for row in results.get("pages", [])}
    if 1000 in pages:
        ours, plain = pages[1000]["ours"], pages[1000]["plain"]
        ratio = _ratio(ours, plain, "cpu_seconds")
        rows.append(("1,000 pages in sections ≤ 1.15 × plain Material", _ratios(ours, plain), ratio <= 1.15))
    serve = results.get("serve")
    if serve:
        worst = max(serve["seconds"])
        rows.append(
            (
                "Serve: a page edit served again within 2 s",
                f"median {_s(median(serve['seconds']))}, slowest {_s(worst)} of {len(serve['seconds'])} edits",
                worst <= 2,
            )
        )
    return rows


# --- Markdown ---


def results_markdown(results: dict, plot_path: str) -> str:
    machine = results["machine"]
    lines = [
        RESULTS_START,
        "",
        f"Measured {results['date']} on {machine['description']}, by `{results['command']}`"
        f" ({results['duration_minutes']:.0f} minutes).",
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, Material for MkDocs {machine['material']},"
        f" mkdocs-macros-plugin {machine['macros']}. Each figure is the median of whole"
        " `mkdocs build --strict` runs, each in a fresh process (start-up included): CPU time"
        " (user + system) and wall-clock time; memory is the build process's peak resident set."
        " The build is single-threaded, so on an idle machine its wall time is about its CPU time;"
        " the targets are judged on CPU time, which other work on the machine disturbs far less.",
    ]
    if results.get("load_note"):
        lines.append(results["load_note"])
    remeasured = results.get("remeasured")
    if remeasured:
        lines.append(
            f"Measured in two runs on the same machine: {', '.join(remeasured['parts'])} at"
            f" {remeasured['date']} (`python -m benchmarks --only {','.join(remeasured['parts'])}`),"
            f" the rest at {remeasured['earlier_date']} (`make bench`)."
        )
        if remeasured.get("load_note"):
            lines.append(f"For the second run: {remeasured['load_note']}")
    lines += ["", "#### Targets", "", "| Target | Measured | |", "| --- | --- | --- |"]
    for name, measured, ok in targets(results):
        lines.append(f"| {name} | {measured} | {_met(ok)} |")

    lines += [
        "",
        "#### Builds: ours against plain Material for MkDocs",
        "",
        "| Project | Ours, CPU | Plain, CPU | Ratio, CPU | Ours, wall | Plain, wall | Ratio, wall"
        " | Ours, peak memory | Plain, peak memory | Repeats |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = build_rows(results)
    hub = results.get("hub")
    if hub and "ours_cold" in hub:
        rows.insert(1, ("The hub, documents made afresh (no cache)", {"ours": hub["ours_cold"], "plain": hub["plain"]}))
    for label, row in rows:
        ours, plain = row["ours"], row.get("plain")
        if plain is None:
            lines.append(
                f"| {label} | {_cpu(ours)} | not built | – | {_s(median(ours['seconds']))} | not built | – | "
                f"{_mib(ours['peak_mib'])} | – | {len(ours['seconds'])} |"
            )
            continue
        lines.append(
            f"| {label} | {_cpu(ours)} | {_cpu(plain)} | {_ratio(ours, plain, 'cpu_seconds'):.2f}× | "
            f"{_s(median(ours['seconds']))} | {_s(median(plain['seconds']))} | {_ratio(ours, plain):.2f}× | "
            f"{_mib(ours['peak_mib'])} | {_mib(plain['peak_mib'])} | {len(ours['seconds'])} |"
        )
    lines += ["", f"![Build time against size, ours and plain Material]({plot_path})", ""]

    lines += [
        "#### Our pipelines alone (in one process, imports done)",
        "",
        "| What | CPU | Wall | Repeats |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in results.get("events_pipeline", []):
        timing = row["timing"]
        lines.append(
            f"| Events, {row['sessions']:,} sessions: load and validate, render {row['pages']:,} session"
            f" pages, write {row['calendars']:,} .ics files | {_cpu(timing)} | {_s(median(timing['seconds']))} |"
            f" {len(timing['seconds'])} |"
        )
    for kind, label in (("cold", "made afresh"), ("cached", "from the content-keyed cache")):
        timing = results.get("job_description", {}).get(kind)
        if timing:
            lines.append(
                f"| Job description .docx and .pdf, {label} | {_cpu(timing)} |"
                f" {_s(median(timing['seconds']))} | {len(timing['seconds'])} |"
            )
    serve = results.get("serve")
    if serve:
        lines += [
            "",
            "#### `mkdocs serve`",
            "",
            f"From saving an edited page of the hub to the changed page being served: median"
            f" {_s(median(serve['seconds']))}, slowest {_s(max(serve['seconds']))}, over"
            f" {len(serve['seconds'])} edits (each: {', '.join(_s(s) for s in serve['seconds'])}).",
        ]
    imports = results.get("extra_imports")
    if imports:
        total = sum(imports.values())
        top = [f"{name} {seconds * 1000:.0f} ms" for name, seconds in list(imports.items())[:8] if seconds >= 0.002]
        lines += [
            "",
            "#### Start-up: what only our build imports",
            "",
            f"Modules the hub's build imports and the plain build does not take {total * 1000:.0f} ms"
            f" to import (`python -X importtime`, the least of three builds): {', '.join(top)}.",
        ]
    lines += ["", RESULTS_END]
    return "\n".join(lines) + "\n"


def build_rows(results: dict) -> list[tuple[str, dict]]:
    rows = []
    if results.get("hub"):
        rows.append((f"The hub ({results['hub']['pages']} pages)", results["hub"]))
    for row in results.get("pages", []):
        rows.append((f"Hub + {row['pages']:,} pages in sections of {row['per_section']}", row))
    for row in results.get("sessions", []):
        rows.append((f"Hub + {row['sessions']:,} sessions ({row['session_pages']:,} session pages)", row))
    return rows


def replace_results(document: str, results_text: str) -> str:
    """Put the results between the markers in BENCHMARKS.md, keeping the hand-written parts."""
    if RESULTS_START in document and RESULTS_END in document:
        before = document[: document.index(RESULTS_START)]
        after = document[document.index(RESULTS_END) + len(RESULTS_END) :].lstrip("\n")
        return before + results_text + ("\n" + after if after else "")
    return document.rstrip("\n") + "\n\n" + results_text


# --- the plot ---


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _ticks(top: float) -> list[float]:
    return [top * i / 5 for i in range(6)]


def _label(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:g}"


def plot_svg(results: dict) -> str:
    """Two panels, build time against size: content pages, and sessions; ours and plain."""
    panels = []
    if results.get("pages"):
        panels.append(
            ("Content pages in sections", "pages added to the hub", [(row["pages"], row) for row in results["pages"]])
        )
    if results.get("sessions"):
        panels.append(
            (
                "Drop-in sessions",
                "sessions in data/events.yaml",
                [(row["sessions"], row) for row in results["sessions"]],
            )
        )
    width, height = 460 * max(len(panels), 1), 360
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, Helvetica, sans-serif" font-size="12" '
        'role="img" aria-labelledby="plot-title">',
        '<title id="plot-title">Build time against size: the hub\'s build and plain Material for MkDocs</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for index, (title, x_label, points) in enumerate(panels):
        parts += _panel(index * 460, title, x_label, points)
    # Legend, once, at the top right.
    x = width - 250
    parts += [
        f'<line x1="{x}" y1="18" x2="{x + 24}" y2="18" stroke="{OURS_COLOUR}" stroke-width="2.5"/>',
        f'<circle cx="{x + 12}" cy="18" r="3.5" fill="{OURS_COLOUR}"/>',
        f'<text x="{x + 30}" y="22" fill="#212B32">ours</text>',
        f'<line x1="{x + 80}" y1="18" x2="{x + 104}" y2="18" stroke="{PLAIN_COLOUR}" stroke-width="2" '
        'stroke-dasharray="5 3"/>',
        f'<rect x="{x + 89}" y="15" width="6" height="6" fill="{PLAIN_COLOUR}"/>',
        f'<text x="{x + 110}" y="22" fill="#212B32">plain Material</text>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _panel(left: int, title: str, x_label: str, points: list[tuple[int, dict]]) -> list[str]:
    plot_left, plot_top, plot_width, plot_height = left + 60, 50, 370, 250
    x_max = _nice_ceiling(max(x for x, _ in points))
    y_max = _nice_ceiling(
        max(median(row[key][PLOTTED]) for _, row in points for key in ("ours", "plain") if key in row)
    )

    def px(x: float) -> float:
        return round(plot_left + plot_width * x / x_max, 1)

    def py(y: float) -> float:
        return round(plot_top + plot_height - plot_height * y / y_max, 1)

    out = [f'<text x="{left + 60}" y="22" font-size="14" font-weight="bold" fill="#212B32">{escape(title)}</text>']
    for tick in _ticks(y_max):
        out.append(
            f'<line x1="{plot_left}" y1="{py(tick)}" x2="{plot_left + plot_width}" y2="{py(tick)}" stroke="#D8DDE0"/>'
        )
        out.append(
            f'<text x="{plot_left - 6}" y="{py(tick) + 4}" text-anchor="end" fill="#4C6272">{_label(tick)}</text>'
        )
    for tick in _ticks(x_max):
        out.append(
            f'<text x="{px(tick)}" y="{plot_top + plot_height + 16}" text-anchor="middle" '
            f'fill="#4C6272">{_label(tick)}</text>'
        )
    out += [
        f'<line x1="{plot_left}" y1="{plot_top + plot_height}" x2="{plot_left + plot_width}" '
        f'y2="{plot_top + plot_height}" stroke="#4C6272"/>',
        f'<line x1="{plot_left}" y1="{plot_top}" x2="{plot_left}" y2="{plot_top + plot_height}" stroke="#4C6272"/>',
        f'<text x="{plot_left + plot_width / 2}" y="{plot_top + plot_height + 36}" text-anchor="middle" '
        f'fill="#212B32">{escape(x_label)}</text>',
        f'<text x="{left + 16}" y="{plot_top + plot_height / 2}" text-anchor="middle" fill="#212B32" '
        f'transform="rotate(-90 {left + 16} {plot_top + plot_height / 2})">build time, CPU seconds</text>',
    ]
    for key, colour, dash in (("plain", PLAIN_COLOUR, ' stroke-dasharray="5 3"'), ("ours", OURS_COLOUR, "")):
        coords = [(px(x), py(median(row[key][PLOTTED]))) for x, row in points if key in row]
        path = " ".join(f"{x},{y}" for x, y in coords)
        width = "2.5" if key == "ours" else "2"
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}"{dash}/>')
        for x, y in coords:
            if key == "ours":
                out.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>')
            else:
                out.append(f'<rect x="{x - 3}" y="{y - 3}" width="6" height="6" fill="{colour}"/>')
    return out
