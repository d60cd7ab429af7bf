"""Write a job description adapted for one practice, as .docx and .pdf.

For training-hub staff preparing documents for a practice:

    python -m macros.jobdesc.adapt --employer "Severn Vale PCN" --hours "22.5 hours a week" \\
        --wte 0.6 --closing-date 2027-01-31 --contact "Sam Patel, practice manager, sam.patel@nhs.net"

The files go into adapted/ (change with --output-dir). Fields you do not give take their
default from data/job_description.yaml (band, salary, pay year, hours) or, with no
default, stay as highlighted [placeholders]. Run with --help to see every field.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from ..core.clock import build_instant
from ..core.dates import build_date, long_date
from ..core.problems import DataFileError
from ..core.project import Project
from ..core.yaml_safety import CONTROL_CHARACTERS, describe_character, shorten
from .documents import render_documents
from .models import DATA_FILE, FIELD_NAMES, load_job_description

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 1024 * 1024  # NHS Jobs takes supporting documents of at most 1 MB


def hub_identity(config_file: Path) -> dict:
    return Project.from_mkdocs_yml(config_file).hub


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


def typed_text(value: str) -> str:
    """A field's value as typed: refuse what no one means to type (a Word document cannot hold
    control characters, and the writer would stop with a traceback)."""
    bad = CONTROL_CHARACTERS.search(value)
    if bad:
        raise argparse.ArgumentTypeError(f"{shorten(value, 60)!r} holds {describe_character(bad.group())}")
    return value


def typed_closing_date(value: str, today: date | None = None) -> str:
    """A closing date as typed, refused when it is written as a date that does not exist or
    has passed (an advert closing before it is published). Words such as "Friday 5pm" pass."""
    value = typed_text(value)
    written = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):  # as format_field_value reads a date
        return value
    try:
        day = date.fromisoformat(written)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{written!r} is not a real date: write the closing date as YYYY-MM-DD, for example 2027-01-31"
        ) from None
    today = today or build_date(build_instant())
    if day < today:
        raise argparse.ArgumentTypeError(
            f"the closing date {long_date(day)} has passed (today is {long_date(today)}): give a date still to come"
        )
    return value


def parser_for(labels: dict[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m macros.jobdesc.adapt",
        description="Write the job description adapted for one practice, as a Word document and a PDF.",
        epilog="Fields you leave out take their default from the data file, or stay as "
        "highlighted [placeholders] when they have none. "
        "SOURCE_DATE_EPOCH, when set, fixes the documents' date.",
    )
    group = parser.add_argument_group("fields (all optional)")
    for name in FIELD_NAMES:
        checked = typed_closing_date if name == "closing_date" else typed_text
        group.add_argument(option_name(name), dest=name, metavar="TEXT", type=checked, help=labels.get(name, name))
    parser.add_argument(
        "--output-dir", type=Path, default=Path("adapted"), help="folder for the two files (default: adapted)"
    )
    parser.add_argument(
        "--name",
        help="start of the file names (default: made from --employer, else 'primary-care-ot')",
    )
    data_file = PROJECT_ROOT / "data" / DATA_FILE
    parser.add_argument("--data", type=Path, default=data_file, help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, default=PROJECT_ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    return parser


def file_stem(name: str | None, employer: str | None) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", (name or employer or "primary-care-ot").lower()).strip("-")
    return (words or "primary-care-ot")[:60].rstrip("-") + "-job-description"


def main(argv: list[str] | None = None) -> int:
    data_path = PROJECT_ROOT / "data" / DATA_FILE
    # Labels for --help come from the data file when it can be read.
    try:
        labels = {name: field.label for name, field in load_job_description(data_path).fields.items()}
    except DataFileError:
        labels = {}
    args = parser_for(labels).parse_args(argv)
    given = {name: getattr(args, name) for name in FIELD_NAMES if getattr(args, name)}
    try:
        job = load_job_description(args.data, _shown(args.data))
        job = _with_pay(job, args.data.parent)
    except DataFileError as error:
        print(f"The data file needs fixing:\n{error}", file=sys.stderr)
        return 1
    files = render_documents(job, hub_identity(args.config), build_instant(), given, defaults_filled=True)
    stem = file_stem(args.name, given.get("employer"))
    args.output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, content in (("docx", files.docx), ("pdf", files.pdf)):
        path = args.output_dir / f"{stem}.{suffix}"
        path.write_bytes(content)
        written.append(path)
        size = f"{len(content) / 1024:.0f} KB"
        warning = "  (over 1 MB: too big for NHS Jobs)" if len(content) > MAX_BYTES else ""
        print(f"Wrote {path} ({size}){warning}")
    left = [field.label for name, field in job.fields.items() if name not in given and not field.default.strip()]
    if left:
        print("Still placeholders (highlighted in the documents): " + ", ".join(left))
    return 0


def _with_pay(job, data_dir: Path):
    """The salary and pay year from data/figures.yaml beside the job description's file."""
    from ..figures.models import DATA_FILE as FIGURES_FILE
    from ..figures.models import load_figures
    from .pay import JOB_DESCRIPTION_FIGURE, with_pay

    path = data_dir / FIGURES_FILE
    if not path.is_file():
        return job
    figures = load_figures(path, _shown(path))
    if not any(figure.id == JOB_DESCRIPTION_FIGURE for figure in figures.figures):
        return job
    return with_pay(job, figures.get(JOB_DESCRIPTION_FIGURE), build_date(build_instant()))


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
