"""Dated figures (pay scales and the like): one data file, data/figures.yaml, read by every
page that shows one, with a note beside each figure once the build date is past its period."""

from ..core.concerns import Concern
from .macros import load_checked, register
from .models import DATA_FILE

CONCERN = Concern(name="figures", data_files={DATA_FILE: load_checked}, register=register)
