"""Pieces every concern shares, each in one place: loading data files, field types, dates
and their wording, site addresses, templates, the build's clock, the project's paths and
the generated-files registry. Nothing here imports a concern."""
