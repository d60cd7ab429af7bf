"""Where the hub's files are, worked out from the MkDocs configuration.

Every path is relative to the folder holding mkdocs.yml, so a test fixture site or
another training hub's fork works the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Project:
    root: Path
    site_url: str
    hub: dict[str, Any]
    edit_uri: str = ""  # mkdocs.yml `edit_uri`, for links to a page's source on GitHub

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def data_file(self, name: str) -> Path:
        return self.data_dir / name

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
            hub=dict(config["extra"].get("hub", {})),
            edit_uri=config.get("edit_uri") or "",
        )

    def edit_url(self, src_path: str) -> str:
        """Where an editor changes a page on GitHub: repo_url + edit_uri + roles/index.md."""
        repo = str(self.hub.get("repo_url", "")).rstrip("/")
        if not repo or not self.edit_uri:
            return ""
        return f"{repo}/{self.edit_uri.strip('/')}/{src_path}"
