"""The job description as content: resolve template fields and render the HTML for the page and PDF.

Pure functions: a JobDescription and field values in, data or HTML out. The Word
document (jobdesc_docx.py) and the PDF (jobdesc_pdf.py) walk the same `Document`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..core.dates import long_date
from ..core.templating import render_template
from .models import FIELD_NAMES, HOW_ASSESSED, JobDescription, parse_field_text

# Section anchors and headings: the same on the page, in the Word document and in the PDF.
SECTIONS = (
    ("post-details", "Post details"),
    ("job-scope", "Job scope"),
    ("key-duties", "Key duties and responsibilities"),
    ("administration", "Administration and professional responsibilities"),
    ("supervision", "Supervision"),
    ("person-specification", "Person specification"),
)
SECTION_TITLES = dict(SECTIONS)

# The fields a practice fills in on the page's form, in order: every template field.
FORM_FIELDS = FIELD_NAMES

SPEC_CAPTION = "Person specification: essential and desirable criteria, and how each is assessed"
SPEC_HEADERS = ("Criterion", "Essential or desirable", "How assessed")


@dataclass(frozen=True)
class Piece:
    """A run of text. A template field is a Piece with `field` set: while it is not
    filled it shows in [square brackets] and is highlighted."""

    text: str
    field: str | None = None
    filled: bool = False

    @property
    def placeholder(self) -> bool:
        return self.field is not None and not self.filled

    @property
    def shown(self) -> str:
        return f"[{self.text}]" if self.placeholder else self.text


Text = tuple[Piece, ...]


@dataclass(frozen=True)
class CriterionRow:
    text: Text
    kind: str  # "Essential" or "Desirable"
    assessed: str  # "Application, interview"


@dataclass(frozen=True)
class ElementRows:
    id: str
    title: str
    rows: tuple[CriterionRow, ...]


@dataclass(frozen=True)
class Document:
    """Everything a rendering needs, fields already resolved."""

    title: str
    heading: str
    source_line: str
    post_details: tuple[tuple[str, Text], ...]
    job_scope: tuple[Text, ...]
    key_duties: tuple[Text, ...]
    administration: tuple[Text, ...]
    supervision: tuple[Text, ...]
    person_specification: tuple[ElementRows, ...]
    values: dict[str, Piece]

    @property
    def administration_start(self) -> int:
        """Administration duties carry on the key duties' numbering, as in the RCOT original."""
        return len(self.key_duties) + 1

    @property
    def placeholders_left(self) -> bool:
        """True while any field is still a placeholder: only then does the document carry the
        employer's note about [square brackets] (an applicant's copy has none)."""
        return any(not piece.filled for piece in self.values.values())

    @property
    def employer(self) -> str:
        """The employer once filled in, else "" (a placeholder is not a name)."""
        piece = self.values.get("employer")
        return piece.text if piece is not None and piece.filled else ""

    @property
    def running_header(self) -> str:
        """Each page's header: "Severn Vale PCN: Primary care occupational therapist", or the
        job title alone while the employer is a placeholder."""
        return f"{self.employer}: {self.heading}" if self.employer else self.heading


# Hours as a number alone ("22.5", the form hint's example) or with "hours" (and "a week"):
# the same rule as hoursText in overrides/assets/javascripts/job-description.js.
_HOURS_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:\s*(?:hours?|hrs?)(?:\s+(?:a|per)\s+week)?)?", re.I)


def hours_text(value: str) -> str:
    """'22.5' or '22.5 hours' reads '22.5 hours a week'; other wording is kept as typed."""
    match = _HOURS_NUMBER.fullmatch(value)
    return f"{match[1]} hours a week" if match else value


def format_field_value(name: str, value: str) -> str:
    """Tidy a value a practice gives: a closing date written 2027-01-31 reads 31 January 2027;
    hours typed as a number read '22.5 hours a week'."""
    value = " ".join(value.split())
    if name == "hours":
        return hours_text(value)
    if name == "closing_date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        return long_date(day)
    return value


def resolve_fields(
    job: JobDescription, given: dict[str, str] | None = None, defaults_filled: bool = False
) -> dict[str, Piece]:
    """Each field's Piece: a given value (filled), else its default or label as a placeholder.

    The template marks defaults as placeholders too, so a practice checks them; a document
    adapted for one practice (`defaults_filled`) takes the defaults as they are."""
    given = given or {}
    unknown = sorted(set(given) - set(FIELD_NAMES))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}: the fields are {', '.join(FIELD_NAMES)}")
    pieces = {}
    for name, field in job.fields.items():
        value = format_field_value(name, given.get(name, ""))
        if not value and defaults_filled:
            value = field.default.strip()
        if value:
            pieces[name] = Piece(value, field=name, filled=True)
        else:
            pieces[name] = Piece(field.default.strip() or field.label, field=name, filled=False)
    return pieces


def resolve_text(text: str, values: dict[str, Piece]) -> Text:
    return tuple(values[segment.field] if segment.field else Piece(segment.text) for segment in parse_field_text(text))


def build_document(job: JobDescription, given: dict[str, str] | None = None, defaults_filled: bool = False) -> Document:
    values = resolve_fields(job, given, defaults_filled)

    def text(value: str) -> Text:
        return resolve_text(value, values)

    elements = []
    for element in job.person_specification:
        rows = [
            CriterionRow(text(criterion.text), kind, assessed_words(criterion.assessed))
            for kind, criteria in (("Essential", element.essential), ("Desirable", element.desirable))
            for criterion in criteria
        ]
        elements.append(ElementRows(element.id, element.title, tuple(rows)))
    source = job.source
    return Document(
        title=f"Job description: {job.title}",
        heading=job.title,
        source_line=(f"Based on \u201c{source.title}\u201d by the {source.publisher}. {source.note}".strip()),
        post_details=tuple((detail.label, text(detail.text)) for detail in job.post_details),
        job_scope=tuple(text(p) for p in job.job_scope),
        key_duties=tuple(text(d) for d in job.key_duties),
        administration=tuple(text(d) for d in job.administration_and_professional),
        supervision=tuple(text(p) for p in job.supervision),
        person_specification=tuple(elements),
        values=values,
    )


def assessed_words(assessed: list[str]) -> str:
    ordered = [way for way in HOW_ASSESSED if way in assessed]
    return ", ".join(ordered).capitalize()


# --- HTML -----------------------------------------------------------------------------


def section_html(document: Document, section_id: str) -> str:
    """One section's body as HTML (no heading): shared by the page and the PDF."""
    return render_template(
        f"jobdesc/{section_id}.html",
        document=document,
        spec_caption=SPEC_CAPTION,
        spec_headers=SPEC_HEADERS,
    )


def page_document_markdown(document: Document) -> str:
    """The job description for the web page: Markdown headings (so the table of contents
    and anchors work) around HTML blocks rendered from the shared section templates."""
    parts = ['<div class="jd-document" markdown="1">', ""]
    parts.append(render_template("jobdesc/intro.html", document=document))
    parts.append("")
    for section_id, title in SECTIONS:
        parts.append(f"## {title} {{#{section_id}}}")
        parts.append("")
        parts.append(section_html(document, section_id))
        parts.append("")
    parts.append("</div>")
    return "\n".join(parts)


def form_html(
    job: JobDescription, form_fields: tuple[str, ...], word_map: str | None = None, word_script: str | None = None
) -> str:
    """The form; with `word_map` and `word_script` (addresses relative to the page), also the
    "Download your version (Word)" button, which its script shows when the browser can."""
    fields = [(name, getattr(job.fields, name)) for name in form_fields]
    return render_template("jobdesc/form.html", fields=fields, word_map=word_map, word_script=word_script)


def print_html(document: Document, hub: dict, created: str, language: str = "en-GB") -> str:
    """A whole HTML document for WeasyPrint: the same section templates as the page.
    `created` (an ISO 8601 instant) becomes the PDF's creation and modification dates."""
    sections = [(section_id, title, section_html(document, section_id)) for section_id, title in SECTIONS]
    return render_template(
        "jobdesc/print.html",
        document=document,
        intro=render_template("jobdesc/intro.html", document=document),
        sections=sections,
        hub=hub,
        created=created,
        language=language,
    )
