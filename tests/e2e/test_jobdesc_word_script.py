"""The page's Word script (job-description-word.js, run here in Node): it escapes what a
reader types, finds the placeholders and writes a zip that Python and python-docx read back.
Needs node: the end-to-end layer."""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from macros.jobdesc.content import build_document
from macros.jobdesc.documents import DOCX_PATH
from macros.jobdesc.docx_writer import render_docx
from macros.jobdesc.placeholders import DOCUMENT_PART, placeholder_map, placeholder_map_json

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "job-description-word.js"
INSTANT = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
NAME = DOCX_PATH.rsplit("/", 1)[1]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def template_docx(template):
    return render_docx(template, author="Test Training Hub", instant=INSTANT)


def node(program: str, payload: dict) -> dict:
    """Run `program` in Node with the page's script loaded as `api` and `input` parsed."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to test the page's script: `make test` installs Debian's nodejs")
    source = (
        f"const api = require({json.dumps(str(SCRIPT))});"
        "let data = ''; process.stdin.on('data', c => data += c); process.stdin.on('end', async () => {"
        "const input = JSON.parse(data); let output; try { output = await (async () => {" + program + "})(); }"
        "catch (error) { output = {error: String(error.message)}; }"
        "process.stdout.write(JSON.stringify(output)); });"
    )
    result = subprocess.run(
        ["node", "-e", source], input=json.dumps(payload), capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(result.stdout)


FILL = """
const bytes = Uint8Array.from(Buffer.from(input.docx, 'base64'));
const filled = await api.fillDocx(bytes, input.map, input.values);
return {docx: Buffer.from(filled).toString('base64')};
"""


def fill_in_node(content: bytes, fields_map: dict, values: dict[str, str]) -> bytes:
    output = node(FILL, {"docx": base64.b64encode(content).decode(), "map": fields_map, "values": values})
    assert "error" not in output, output
    return base64.b64decode(output["docx"])


# --- the map matches the document ------------------------------------------------------


# --- escaping ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("<b>&\"'", "&lt;b&gt;&amp;&quot;&apos;"),
        ("Meddygfa Ŵyŷ 😀", "Meddygfa Ŵyŷ 😀"),
        ("  two   spaces\tand\na line  ", "two spaces and a line"),
        ("bell\u0007 and\u0000 nul", "bell and nul"),  # XML 1.0 cannot hold them
        ("half \ud83d of an emoji", "half of an emoji"),  # an unpaired surrogate
        ("&amp; ]]>", "&amp;amp; ]]&gt;"),
    ],
)
def test_the_script_escapes_what_a_reader_types(typed, written):
    assert node("return api.xmlText(input.typed);", {"typed": typed}) == written


@pytest.mark.parametrize(
    ("employer", "name"),
    [
        ("Severn Vale PCN", "severn-vale-pcn-job-description.docx"),
        ("<b>&\"' Meddygfa Ŵyŷ", "b-meddygfa-wyy-job-description.docx"),
        ("../../etc/passwd", "etc-passwd-job-description.docx"),
        ("😀", "primary-care-ot-job-description.docx"),
        ("", "primary-care-ot-job-description.docx"),
        ("A" * 100, "a" * 60 + "-job-description.docx"),
    ],
)
def test_the_file_name_has_safe_characters_only(employer, name):
    assert node("return api.fileName(input.employer);", {"employer": employer}) == name


def test_a_label_with_markup_characters_is_escaped_in_the_document_and_found_by_the_script(job):
    label = 'Base & "main" <site>'
    odd = job.model_copy(
        update={"fields": job.fields.model_copy(update={"base": job.fields.base.model_copy(update={"label": label})})}
    )
    document = build_document(odd)
    content = render_docx(document, author="hub", instant=INSTANT)
    xml = zipfile.ZipFile(io.BytesIO(content)).read(DOCUMENT_PART).decode()
    assert '[Base &amp; "main" &lt;site&gt;]' in xml
    fields_map = json.loads(placeholder_map_json(document, NAME))
    assert fields_map["fields"]["base"]["placeholder"] == f"[{label}]"
    filled = fill_in_node(content, fields_map, {"base": "Stroud"})
    row = docx.Document(io.BytesIO(filled)).tables[0].rows[2]
    assert [c.text for c in row.cells] == ["Base", "Stroud"]


# --- the script's zip --------------------------------------------------------------------


def test_the_script_writes_a_zip_python_and_python_docx_read_back(template, template_docx):
    fields_map = placeholder_map(template, NAME)
    filled = fill_in_node(template_docx, fields_map, {"employer": "Severn Vale PCN", "closing_date": "31 January 2027"})
    archive, original = zipfile.ZipFile(io.BytesIO(filled)), zipfile.ZipFile(io.BytesIO(template_docx))
    assert archive.testzip() is None  # CRC-32 of every entry
    assert [(i.filename, i.date_time) for i in archive.infolist()] == [
        (i.filename, i.date_time) for i in original.infolist()
    ]
    # With the employer filled in, the page header and the title and author name it too.
    for name in original.namelist():
        if name not in (DOCUMENT_PART, "word/header1.xml", "docProps/core.xml"):
            assert archive.read(name) == original.read(name), name
    word = docx.Document(io.BytesIO(filled))
    details = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    assert details["Employer"] == "Severn Vale PCN" and details["Closing date"] == "31 January 2027"
    assert details["Base"] == "[Base]"
    assert word.sections[0].header.paragraphs[0].text == "Severn Vale PCN: Primary care occupational therapist"
    assert word.core_properties.author == "Severn Vale PCN"
    assert word.core_properties.title.endswith(", Severn Vale PCN")
    # Placeholders are left, so the employer's note stays.
    assert any("is for the employer to fill in" in p.text for p in word.paragraphs)

    base = [r for r in word.tables[0].rows[2].cells[1].paragraphs[0].runs]
    assert base[0].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert (
        fill_in_node(template_docx, fields_map, {"employer": "Severn Vale PCN", "closing_date": "31 January 2027"})
        == filled
    )


def test_the_script_takes_the_employers_note_out_once_every_placeholder_is_filled(template, template_docx):
    fields_map = placeholder_map(template, NAME)
    values = {name: f"Value for {name}" for name in fields_map["fields"]}
    word = docx.Document(io.BytesIO(fill_in_node(template_docx, fields_map, values)))
    assert not any("is for the employer to fill in" in p.text for p in word.paragraphs)
    assert word.paragraphs[0].text == template.title  # the title is still first
    values.pop("base")
    word = docx.Document(io.BytesIO(fill_in_node(template_docx, fields_map, values)))
    assert any("is for the employer to fill in" in p.text for p in word.paragraphs)


def test_the_script_refuses_a_map_from_another_build(template, template_docx):
    fields_map = placeholder_map(template, NAME)
    fields_map["fields"]["base"]["placeholder"] = "[Somewhere else]"
    output = node(
        FILL, {"docx": base64.b64encode(template_docx).decode(), "map": fields_map, "values": {"base": "Stroud"}}
    )
    assert output == {"error": "The placeholder jd_base_1 is not in the Word document"}
    # An empty value leaves the placeholder alone, so a stale map does not matter for it.
    assert fill_in_node(template_docx, fields_map, {"base": ""})


def test_the_script_computes_the_zip_crc32():
    assert node("return api.crc32(new TextEncoder().encode(input.text));", {"text": "123456789"}) == 0xCBF43926
