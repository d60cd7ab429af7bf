"""MkDocs hook: hand the files generated from data/ to MkDocs as virtual files.

MkDocs loads a hook by its path, so the project root is put on sys.path to import the
macros package, where the generation logic lives. The imports are inside on_files:
hooks/editorial.py drops the macros package before each build so `mkdocs serve` sees
edited code, and a top-level import here would keep the old one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)
if PROJECT_ROOT not in sys.path:
    sys.path.insert(0, PROJECT_ROOT)


def on_files(files, config):
    from macros.core.datafiles import DataFileError
    from macros.core.generated import all_generated_files
    from macros.core.project import Project

    try:
        generated = all_generated_files(Project.from_config(config))
    except DataFileError as error:
        raise PluginError(f"A data file needs fixing:\n{error}") from None
    for item in generated:
        files.append(File.generated(config, item.path, content=item.content))
    return files
