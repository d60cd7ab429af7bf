"""The job description as a PDF, rendered by WeasyPrint from the same section templates as the page.

Tagged PDF (PDF/UA-1, which also makes WeasyPrint write the title and language), with
searchable text. The dates come from the HTML's dcterms meta tags and the identifier
from the content, so the same content and instant give the same bytes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from .content import Document, print_html

PDF_VARIANT = "pdf/ua-1"


def render_pdf(document: Document, hub: dict, instant: datetime, language: str = "en-GB") -> bytes:
    # Imported here: WeasyPrint takes a moment to load and only this function needs it.
    from weasyprint import HTML

    html = print_html(document, hub, created=instant.strftime("%Y-%m-%dT%H:%M:%SZ"), language=language)
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii")
    return HTML(string=html).write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        pdf_identifier=identifier,
        custom_metadata=True,
    )
