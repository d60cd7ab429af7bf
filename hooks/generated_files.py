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
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)
if PROJECT_ROOT not in sys.path:
    sys.path.insert(0, PROJECT_ROOT)


# Before the front matter check (hooks/editorial.py): an editor's file at a generated path
# is named as such, not as a page with missing front matter.
@event_priority(50)
def on_files(files, config):
    from macros.core.clashes import editor_file_clashes
    from macros.core.datafiles import DataFileError
    from macros.core.generated import generated_by_provider
    from macros.core.project import Project

    try:
        generated = generated_by_provider(Project.from_config(config))
    except DataFileError as error:
        raise PluginError(f"A data file needs fixing:\n{error}") from None
    docs = Path(config["docs_dir"]).name
    clashes = editor_file_clashes(generated, (file.src_uri for file in files), docs)
    if clashes:
        lines = "\n".join(str(problem) for problem in clashes)
        raise PluginError(f"A file in {docs}/ is at a path the build generates:\n{lines}")
    from macros.core.generated import PROVIDER_CONCERNS

    for provider, item in generated:
        file = File.generated(config, item.path, content=item.content)
        # The data files this file is made from, for the edit links (hooks/editorial.py).
        file.hub_data_files = sorted(getattr(PROVIDER_CONCERNS.get(provider), "data_files", {}))
        files.append(file)
    return files
