"""Dated figures (pay scales and the like): one data file, data/figures.yaml, read by every
page that shows one, with a note beside each figure once the build date is past its period."""
