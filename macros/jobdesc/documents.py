"""The job description's downloads (.docx and .pdf): rendered once per content, kept in a cache.

WeasyPrint takes about a second, so the documents are stored under .cache/job-description/
by a hash of everything that shapes their bytes: the data file, the templates, the code
that renders them, the library versions, the hub's identity, the field values and the
document date. An unchanged job description is read from the cache on every later build
and `mkdocs serve` reload; a cold build renders the very same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from pathlib import Path

from ..core.clock import source_date_epoch
from ..core.generated import GeneratedFile
from ..core.project import Project
from .content import build_document
from .models import DATA_FILE, JobDescription, load_job_description

DOCX_PATH = "recruitment/primary-care-ot-job-description.docx"
PDF_PATH = "recruitment/primary-care-ot-job-description.pdf"
# Where each field's placeholders are in the .docx, for the page's "Download your version".
FIELDS_MAP_PATH = "recruitment/primary-care-ot-job-description-fields.json"
CACHE_FOLDER = Path(".cache") / "job-description"

_HERE = Path(__file__).parent
_RENDERING_SOURCES = (
    *sorted((_HERE / "templates").glob("*.html")),
    _HERE.parent / "core" / "templating.py",
    _HERE / "content.py",
    _HERE / "models.py",
    _HERE / "docx_writer.py",
    _HERE / "placeholders.py",
    _HERE / "pdf_writer.py",
    Path(__file__),
)
_LIBRARIES = ("python-docx", "lxml", "weasyprint", "pydyf", "fonttools", "tinycss2", "Jinja2")


@dataclass(frozen=True)
class JobDescriptionFiles:
    docx: bytes
    pdf: bytes


def document_instant(data_path: Path, environ: dict[str, str] | None = None) -> datetime:
    """The date the documents carry: SOURCE_DATE_EPOCH when set (reproducible builds),
    otherwise the data file's last change, so `mkdocs serve` reloads hit the cache."""
    return source_date_epoch(environ) or datetime.fromtimestamp(int(data_path.stat().st_mtime), tz=UTC)


def cache_key(data: bytes, hub: dict, instant: datetime, given: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for part in (
        data,
        *(path.name.encode() + b"\0" + path.read_bytes() for path in _RENDERING_SOURCES),
        json.dumps({name: _version(name) for name in _LIBRARIES}, sort_keys=True).encode(),
        installed_fonts(),
        json.dumps(hub, sort_keys=True, default=str).encode(),
        instant.isoformat().encode(),
        json.dumps(given, sort_keys=True).encode(),
    ):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


# Where fontconfig finds fonts on Debian: WeasyPrint lays the PDF out with what is there,
# so a font installed since (LibreOffice brings several) changes the PDF's bytes.
_FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")


@cache  # fonts installed while a build runs are not expected
def installed_fonts() -> bytes:
    """Every font file's path and size, as part of the cache key."""
    entries = sorted(
        f"{path}\0{path.stat().st_size}"
        for folder in _FONT_FOLDERS
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    )
    return "\n".join(entries).encode()


@cache  # the libraries loaded in this process do not change while it runs
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def render_documents(
    job: JobDescription,
    hub: dict,
    instant: datetime,
    given: dict[str, str] | None = None,
    defaults_filled: bool = False,
) -> JobDescriptionFiles:
    """Render both documents (no cache). See jobdesc.resolve_fields for `defaults_filled`."""
    from .docx_writer import render_docx
    from .pdf_writer import render_pdf

    document = build_document(job, given, defaults_filled)
    author = hub.get("organisation") or hub.get("name") or ""
    return JobDescriptionFiles(
        docx=render_docx(document, author=author, instant=instant),
        pdf=render_pdf(document, hub=hub, instant=instant),
    )


_MEMORY: dict[str, JobDescriptionFiles] = {}


def cached_documents(
    job: JobDescription,
    data: bytes,
    hub: dict,
    instant: datetime,
    cache_dir: Path | None,
    given: dict[str, str] | None = None,
) -> JobDescriptionFiles:
    """The documents from memory, then the disk cache, else rendered and stored."""
    given = given or {}
    key = cache_key(data, hub, instant, given)
    if key in _MEMORY:
        return _MEMORY[key]
    files = None
    if cache_dir is not None:
        docx_file, pdf_file = cache_dir / f"{key}.docx", cache_dir / f"{key}.pdf"
        if docx_file.is_file() and pdf_file.is_file():
            files = JobDescriptionFiles(docx_file.read_bytes(), pdf_file.read_bytes())
    if files is None:
        files = render_documents(job, hub, instant, given)
        if cache_dir is not None:
            _store(cache_dir, key, files)
    _MEMORY.clear()  # keep one entry: a long `mkdocs serve` session must not grow
    _MEMORY[key] = files
    return files


def _store(cache_dir: Path, key: str, files: JobDescriptionFiles) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for suffix, content in (("docx", files.docx), ("pdf", files.pdf)):
            temporary = cache_dir / f"{key}.{suffix}.{os.getpid()}.tmp"
            temporary.write_bytes(content)
            temporary.replace(cache_dir / f"{key}.{suffix}")
        # Drop documents rendered for older content, so the cache stays small.
        for old in cache_dir.iterdir():
            if not old.name.startswith(key) and old.suffix in (".docx", ".pdf"):
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still builds; it just renders every time


def project_job(project: Project) -> JobDescription:
    """The hub's job description, its pay taken from data/figures.yaml (see pay.py)."""
    from ..core.clock import build_instant
    from ..core.dates import build_date
    from ..figures.models import DATA_FILE as FIGURES_FILE
    from ..figures.models import load_figures
    from .pay import JOB_DESCRIPTION_FIGURE, with_pay

    job = project.load(DATA_FILE, load_job_description)  # validated once per content of the file
    if not project.data_file(FIGURES_FILE).is_file():
        return job
    figures = project.load(FIGURES_FILE, load_figures)
    if not any(figure.id == JOB_DESCRIPTION_FIGURE for figure in figures.figures):
        return job
    return with_pay(job, figures.get(JOB_DESCRIPTION_FIGURE), build_date(build_instant()))


def project_documents(project: Project) -> tuple[JobDescription, JobDescriptionFiles]:
    """The hub's job description and its documents, for the page's macros and the provider."""
    path = project.data_file(DATA_FILE)
    job = project_job(project)
    files = cached_documents(
        job,
        # The fields (pay included, from data/figures.yaml) are part of what shapes the bytes.
        data=path.read_bytes() + job.fields.model_dump_json().encode(),
        hub=project.hub,
        instant=document_instant(path),
        cache_dir=project.root / CACHE_FOLDER,
    )
    return job, files


def job_description_files(project: Project) -> list[GeneratedFile]:
    """Generated-file provider: the Word and PDF downloads beside the recruitment pages,
    and the map of the Word document's placeholders."""
    from .placeholders import placeholder_map_json

    job, files = project_documents(project)
    fields_map = placeholder_map_json(build_document(job), DOCX_PATH.rsplit("/", 1)[-1])
    return [
        GeneratedFile(DOCX_PATH, files.docx),
        GeneratedFile(PDF_PATH, files.pdf),
        GeneratedFile(FIELDS_MAP_PATH, fields_map),
    ]
