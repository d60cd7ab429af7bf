"""The glossary: data/glossary.yaml becomes the glossary page and a tooltip for each
abbreviation on every page."""

from ..core.concerns import Concern
from .macros import append_abbreviations, register
from .terms import DATA_FILE, load_glossary

CONCERN = Concern(
    name="glossary",
    data_files={DATA_FILE: load_glossary},
    register=register,
    after_page=append_abbreviations,
)
