"""Where the hub's files are, worked out from the MkDocs configuration.

Every path is relative to the folder holding mkdocs.yml, so a test fixture site or
another training hub's fork works the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

Loaded = TypeVar("Loaded")


@dataclass(frozen=True)
class Project:
    root: Path
    site_url: str
    hub: dict[str, Any]
    edit_uri: str = ""  # mkdocs.yml `edit_uri`, for links to a page's source on GitHub
    docs_folder: Path | None = None  # mkdocs.yml `docs_dir`; None: docs/ beside mkdocs.yml
    nav: Any = None  # mkdocs.yml `nav`, as written
    # mkdocs.yml `markdown_extensions` as MkDocs reads them: names, and their settings by name
    markdown_extensions: tuple[Any, ...] = ()
    markdown_settings: Any = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def docs_dir(self) -> Path:
        return self.docs_folder or self.root / "docs"

    def data_file(self, name: str) -> Path:
        return self.data_dir / name

    def load(self, name: str, loader: Callable[[Path, str], Loaded]) -> Loaded:
        """Load data/<name> with its loader, naming the file as an editor sees it."""
        return loader(self.data_file(name), self.shown_data_file(name))

    def shown_data_file(self, name: str) -> str:
        return self.shown(self.data_file(name))

    def shown(self, path: Path) -> str:
        """A path as an editor sees it in the repository: data/events.yaml."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @classmethod
    def from_config(cls, config: Any) -> Project:
        root = Path(config["config_file_path"]).resolve().parent
        site_url = (config.get("site_url") or "").rstrip("/") + "/"
        return cls(
            root=root,
            site_url=site_url,
            hub=dict((config.get("extra") or {}).get("hub") or {}),
            edit_uri=config.get("edit_uri") or "",
            docs_folder=Path(config["docs_dir"]).resolve() if config.get("docs_dir") else None,
            nav=config.get("nav"),
            markdown_extensions=tuple(config.get("markdown_extensions") or ()),
            markdown_settings=dict(config.get("mdx_configs") or {}),
        )

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Project:
        """The project as the commands editors run see it: mkdocs.yml read by MkDocs' own
        loader, so `docs_dir`, `!ENV` values and defaults are exactly what the build uses."""
        from mkdocs.config import load_config

        return cls.from_config(load_config(config_file=str(config_file)))

    def edit_url(self, src_path: str) -> str:
        """Where an editor changes a page on GitHub: repo_url + edit_uri + roles/index.md."""
        repo = str(self.hub.get("repo_url", "")).rstrip("/")
        if not repo or not self.edit_uri:
            return ""
        return f"{repo}/{self.edit_uri.strip('/')}/{src_path}"
