"""Drop-in sessions: data/events.yaml becomes the drop-in page, a page and a calendar file
for each session, and calendar feeds.

models (the data file) -> occurrences (sessions worked out) -> wording (dates and places
in words) -> ics (calendar files) and pages (HTML) -> macros (what pages call).
"""

from ..core.concerns import Concern
from .macros import generated_event_files, register
from .models import DATA_FILE, load_events

CONCERN = Concern(
    name="events",
    data_files={DATA_FILE: load_events},
    generates=(generated_event_files,),
    register=register,
)
