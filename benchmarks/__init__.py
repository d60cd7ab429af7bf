"""The build benchmark: `make bench` (or `python -m benchmarks`) measures the hub's build
against plain Material for MkDocs on synthetic projects and writes BENCHMARKS.md.

synthetic.py makes the projects' content, projects.py copies the hub with it and makes
its plain Material twin, measure.py times builds, pipelines and `mkdocs serve`,
report.py writes the table and the plot, and __main__.py runs the lot.
"""
