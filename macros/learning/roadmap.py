"""The roadmap to first contact practice as a step-by-step pathway with a checklist.

data/roadmap.yaml holds the steps; `pathway` renders them for docs/training/roadmap.md.
The browser script (assets/javascripts/roadmap-progress.js) keeps the reader's ticks in
localStorage under STORAGE_KEY, named on the privacy page.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..core.datafiles import load_data_file
from ..core.escaping import markdown_inline_text
from ..core.fields import (
    IdentifiedEntry,
    IdentifiedSource,
    PagePath,
    SingleLine,
    WebAddress,
    duplicate_id_problems,
    entries_by_id,
    unknown_id_message,
    unused_problems,
)
from ..core.templating import render_template
from ..core.urls import page_url, relative_url

# The one localStorage key the pathway uses. The privacy page shows this value.
STORAGE_KEY = "ot-hub-roadmap-progress"


class EvidenceType(IdentifiedEntry):
    name: SingleLine


class ChecklistItem(IdentifiedEntry):
    text: str = Field(min_length=1)


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    source: str


class StepLink(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: SingleLine
    url: WebAddress | None = None
    page: PagePath | None = None

    @model_validator(mode="after")
    def _url_or_page(self):
        if bool(self.url) == bool(self.page):
            raise ValueError(
                "a link needs exactly one of 'url' (another website, starting https://) or "
                "'page' (a page of this site, such as supervision/index.md)"
            )
        return self

    @field_validator("page")
    @classmethod
    def _page_file(cls, value):
        if value is not None and (not value.endswith(".md") or value.startswith("/")):
            raise ValueError(
                f"'{value}' is not a page of this site: write its file under docs/, such as supervision/index.md"
            )
        return value


class Step(IdentifiedEntry):
    title: SingleLine
    summary: str = Field(min_length=1)
    needs: list[ChecklistItem] = Field(min_length=1)
    evidence: list[str] = []
    who_signs: SingleLine | None = None
    typical_time: SingleLine | None = None
    notes: list[Note] = []
    links: list[StepLink] = []
    sources: list[str] = Field(min_length=1)


class Roadmap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[IdentifiedSource] = Field(min_length=1)
    evidence_types: list[EvidenceType] = []
    steps: list[Step] = Field(min_length=1)

    def source_list(self, source_ids: list[str]) -> list[IdentifiedSource]:
        return entries_by_id(self.sources, source_ids)

    def evidence_list(self, evidence_ids: list[str]) -> list[EvidenceType]:
        return entries_by_id(self.evidence_types, evidence_ids)

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for step in self.steps for item in step.needs]


def cross_reference_problems(roadmap: Roadmap) -> list[tuple[tuple, str]]:
    """Ids unique (checklist ids across the whole file: they are the saved ticks) and known."""
    problems = []
    for name in ("sources", "evidence_types", "steps"):
        problems += duplicate_id_problems(getattr(roadmap, name), name)
    seen_items: dict[str, str] = {}
    for s_index, step in enumerate(roadmap.steps):
        for i_index, item in enumerate(step.needs):
            if item.id in seen_items:
                problems.append(
                    (
                        ("steps", s_index, "needs", i_index, "id"),
                        f"the checklist id '{item.id}' is already used in step '{seen_items[item.id]}'. "
                        "Each item needs its own id, because a reader's ticks are saved by id",
                    )
                )
            else:
                seen_items[item.id] = step.id

    source_ids = {source.id for source in roadmap.sources}
    evidence_ids = {evidence.id for evidence in roadmap.evidence_types}
    used_sources: set[str] = set()
    used_evidence: set[str] = set()
    for s_index, step in enumerate(roadmap.steps):
        for position, source_id in enumerate(step.sources):
            used_sources.add(source_id)
            if source_id not in source_ids:
                problems.append(
                    (("steps", s_index, "sources", position), unknown_id_message(source_id, source_ids, "sources"))
                )
        for position, note in enumerate(step.notes):
            used_sources.add(note.source)
            if note.source not in source_ids:
                problems.append(
                    (
                        ("steps", s_index, "notes", position, "source"),
                        unknown_id_message(note.source, source_ids, "sources"),
                    )
                )
        for position, evidence_id in enumerate(step.evidence):
            used_evidence.add(evidence_id)
            if evidence_id not in evidence_ids:
                problems.append(
                    (
                        ("steps", s_index, "evidence", position),
                        unknown_id_message(evidence_id, evidence_ids, "evidence_types"),
                    )
                )
    problems += unused_problems(roadmap.sources, used_sources, "sources", "step")
    problems += unused_problems(roadmap.evidence_types, used_evidence, "evidence_types", "step")
    return problems


def page_link_check(docs_dir: Path):
    """A check that every `page:` link names a page that exists, so no link breaks silently."""

    def check(roadmap: Roadmap) -> list[tuple[tuple, str]]:
        return [
            (
                ("steps", s_index, "links", l_index, "page"),
                f"there is no page docs/{link.page}. Check the spelling, or use the page's new file if it moved",
            )
            for s_index, step in enumerate(roadmap.steps)
            for l_index, link in enumerate(step.links)
            if link.page and not (docs_dir / link.page).is_file()
        ]

    return check


DATA_FILE = "roadmap.yaml"


def load_roadmap(path: Path, shown_as: str | None = None, docs_dir: Path | None = None) -> Roadmap:
    """Load and check data/roadmap.yaml.

    `page:` links are checked against `docs_dir`; by default the docs/ folder beside the
    data/ folder holding the file, when there is one (so `load_roadmap(path, shown_as)`
    checks them too).
    """
    if docs_dir is None and (path.parent.parent / "docs").is_dir():
        docs_dir = path.parent.parent / "docs"
    checks = [cross_reference_problems]
    if docs_dir is not None:
        checks.append(page_link_check(docs_dir))
    return load_data_file(path, Roadmap, shown_as, checks=checks)


def relative_href(from_url: str, to_source: str) -> str:
    """A link from the page at `from_url` (like "training/roadmap/") to the page file `to_source`."""
    return relative_url(from_url, page_url(to_source))


def pathway(roadmap: Roadmap, page_url_path: str) -> str:
    """The pathway: the progress controls, then each step as a heading and its checklist.

    Headings are Markdown, so they reach the page's table of contents; the body of each
    step is one HTML block.
    """
    parts = [render_template("learning/roadmap_controls.html", roadmap=roadmap, storage_key=STORAGE_KEY)]
    for number, step in enumerate(roadmap.steps, start=1):
        hrefs = [link.url or relative_href(page_url_path, link.page) for link in step.links]
        parts.append(f"## Step {number}: {markdown_inline_text(step.title)} {{ #{step.id} }}")
        parts.append(
            render_template(
                "learning/roadmap_step.html",
                step=step,
                number=number,
                links=list(zip(step.links, hrefs, strict=True)),
                evidence=roadmap.evidence_list(step.evidence),
                sources=roadmap.source_list(step.sources),
                note_sources=roadmap.source_list([note.source for note in step.notes]),
            )
        )
    return "\n\n".join(parts)
