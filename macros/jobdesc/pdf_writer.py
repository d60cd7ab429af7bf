"""The job description as a PDF, rendered by WeasyPrint from the same section templates as the page.

Tagged PDF (PDF/UA-1, which also makes WeasyPrint write the title and language), with
searchable text. The dates come from the HTML's dcterms meta tags and the identifier
from the content, so the same content and instant give the same bytes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .content import Document, print_html

PDF_VARIANT = "pdf/ua-1"


# The only files WeasyPrint may read: the build's own, beside this code. The print HTML
# needs none today; anything else (file:// elsewhere, http, https, data:) is refused.
BUILD_FILES = Path(__file__).resolve().parent / "templates"


def build_files_only(url: str):
    """WeasyPrint's URL fetcher: a file under BUILD_FILES, or the PDF is not made."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    parts = urlsplit(url)
    path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" and parts.netloc in ("", "localhost") else None
    if path is None or BUILD_FILES not in path.parents or not path.is_file():
        raise FatalURLFetchingError(
            f"the job description's PDF may use only the hub's own files in {BUILD_FILES}; refused {url[:200]}"
        )
    return URLFetcher(allowed_protocols=("file",)).fetch(path.as_uri())


def pdf_from_html(html: str, identifier: bytes) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=build_files_only, base_url=BUILD_FILES.as_uri() + "/").write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        pdf_identifier=identifier,
        custom_metadata=True,
    )


def render_pdf(document: Document, hub: dict, instant: datetime, language: str = "en-GB") -> bytes:
    html = print_html(document, hub, created=instant.strftime("%Y-%m-%dT%H:%M:%SZ"), language=language)
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii")
    # WeasyPrint is imported inside: it takes a moment to load and only the PDF needs it.
    return pdf_from_html(html, identifier)
