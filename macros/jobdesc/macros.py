"""Thin mkdocs-macros callers for the job description page (docs/recruitment/job-description.md)."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from ..core.project import Project
from .content import FORM_FIELDS, build_document, form_html, page_document_markdown
from .documents import DOCX_PATH, FIELDS_MAP_PATH, PDF_PATH, project_documents

# The "Download your version (Word)" button's script: loaded by the form, on this page only.
WORD_SCRIPT = "assets/javascripts/job-description-word.js"


def register(env) -> None:
    project = Project.from_config(env.conf)
    job, files = project_documents(project)
    document = build_document(job)

    @env.macro
    def job_description() -> str:
        """The whole job description, every field shown as a placeholder."""
        return page_document_markdown(document)

    @env.macro
    def job_description_form() -> str:
        """The form that fills the placeholders in the browser, and makes the Word version."""
        here = env.page.url if env.page is not None else "recruitment/job-description/"
        return form_html(
            job,
            FORM_FIELDS,
            word_map=get_relative_url(FIELDS_MAP_PATH, here),
            word_script=get_relative_url(WORD_SCRIPT, here),
        )

    @env.macro
    def job_description_downloads(page_folder: str = "recruitment") -> str:
        """Markdown links to the Word and PDF downloads, with their sizes."""
        return download_links(page_folder, files.docx, files.pdf)


def download_links(page_folder: str, docx: bytes, pdf: bytes) -> str:
    def link(path: str) -> str:
        return path.removeprefix(page_folder.rstrip("/") + "/")

    return "\n".join(
        [
            f"- [Job description in Word (.docx, {kilobytes(docx)})]({link(DOCX_PATH)})",
            f"- [Job description as a PDF (.pdf, {kilobytes(pdf)})]({link(PDF_PATH)})",
        ]
    )


def kilobytes(content: bytes) -> str:
    return f"{max(1, round(len(content) / 1024))} KB"
