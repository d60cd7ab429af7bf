"""Rebranding by the extra.hub block alone, and data mistakes stopping the build."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_a_rebrand_edits_only_the_identity_block(make_project, site_builder):
    root = make_project()
    config = (root / "mkdocs.yml").read_text()
    config = config.replace("name: &hub_name OT in Primary Care hub", "name: &hub_name Wessex OT hub")
    config = config.replace("contact_email: glccg.pcwc@nhs.net", "contact_email: wessex.hub@nhs.net")
    config = config.replace('primary: "#005EB8"', 'primary: "#AE2573"')
    (root / "mkdocs.yml").write_text(config)
    site = site_builder(root, root / "site")
    assert site.returncode == 0, site.output
    html = (site.site_dir / "supervision/index.html").read_text()
    assert "<title>Roadmap supervision - Wessex OT hub</title>" in html
    assert "mailto:wessex.hub@nhs.net" in html
    assert "glccg.pcwc@nhs.net" not in html.split("<footer", 1)[1]
    assert "--hub-primary: #AE2573" in (site.site_dir / "assets/stylesheets/colours.css").read_text()
    assert 'href="../assets/stylesheets/colours.css"' in html


def test_a_glossary_mistake_stops_the_build_naming_file_line_entry_and_field(make_project, site_builder):
    root = make_project()
    path = root / "data/glossary.yaml"
    path.write_text(path.read_text().replace("  - term: MACP\n    stands_for:", "  - term: MACP\n    stand_for:", 1))
    site = site_builder(root, root / "site")
    assert site.returncode != 0
    assert "data/glossary.yaml:" in site.output
    assert "term 'MACP'" in site.output
    assert "'stand_for' is not a field we know" in site.output
    assert "Traceback" not in site.output
