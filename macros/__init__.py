"""The hub's macros for mkdocs-macros. This file only wires: the logic is in the modules.

Pages render macros only when they opt in with `render_macros: true` in their front
matter, so an editor who types `{{` in ordinary text sees it printed as typed.
"""

from mkdocs.exceptions import PluginError

from . import (
    datafiles,
    events,
    events_macros,
    generated,
    glossary,
    glossary_macros,
    jobdesc_documents,
    jobdesc_macros,
    jobdesc_models,
    pages_list,
    roadmap,
    roadmap_macros,
    supervisor_macros,
    supervisors,
)
from .datafiles import DataFileError
from .figures import macros as figures_macros

# Every file in data/ and the function that validates it (`make check` loads each).
datafiles.register_loader("glossary.yaml", glossary.load_glossary)
datafiles.register_loader("job_description.yaml", jobdesc_models.load_job_description)
datafiles.register_loader("events.yaml", events.load_events)
datafiles.register_loader("roadmap.yaml", roadmap.load_roadmap)
datafiles.register_loader("supervisors.yaml", supervisors.load_supervisors)
datafiles.register_loader("figures.yaml", figures_macros.load_checked)

# Files generated into the site (hooks/generated_files.py hands them to MkDocs).
generated.PROVIDERS.append(jobdesc_documents.job_description_files)
generated.PROVIDERS.append(pages_list.pages_json_provider)
# Files built from data (session pages, calendar feeds) for hooks/generated_files.py.
if events_macros.generated_event_files not in generated.PROVIDERS:
    generated.PROVIDERS.append(events_macros.generated_event_files)


def define_env(env):
    """Called by mkdocs-macros once per build: register each concern's macros."""
    try:
        glossary_macros.register(env)
        jobdesc_macros.register(env)
        events_macros.register(env)
        roadmap_macros.register(env)
        supervisor_macros.register(env)
        figures_macros.register(env)
    except DataFileError as error:
        # PluginError makes MkDocs print the message alone, without a traceback.
        raise PluginError(f"A data file needs fixing:\n{error}") from None


def on_post_page_macros(env):
    """Called for every page after its macros ran: add the glossary tooltips."""
    glossary_macros.append_abbreviations(env)
