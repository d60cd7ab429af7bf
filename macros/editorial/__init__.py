"""The editors' workflow: page front matter, review dates, /api/pages.json, `make check`
and `make new-page`."""

from ..core.concerns import Concern
from .pages_list import pages_json_provider

CONCERN = Concern(name="editorial", generates=(pages_json_provider,))
