"""The page environment holds only the hub's macros, filters and plain values (issue 19)."""

from __future__ import annotations

import os
import types
from datetime import date

import pytest
from jinja2 import TemplateNotFound, UndefinedError
from jinja2.sandbox import SecurityError

from macros.core import page_sandbox
from macros.core.page_sandbox import PageValueError, page_environment, plain_copy

HOOK = types.ModuleType("hooks.escaping")
HOOK.os = os


def hub_macro(word):
    return f"<{word}>"


hub_macro.__module__ = "macros.events.macros"


def foreign_context():
    return {"config": "everything"}


foreign_context.__module__ = "mkdocs_macros.context"


class Theme:
    def get_env(self):
        from jinja2 import Environment

        return Environment()


# What mkdocs-macros offers a page: its own variables, among them objects that reach Python.
VARIABLES = {
    "hub": {"name": "OT hub", "contacts": ["a@nhs.net"], "colours": {"primary": "#005EB8"}},
    "roadmap_storage_key": "roadmap-v1",
    "config": {"hooks": {"escaping": HOOK}, "theme": Theme()},
    "plugin": object(),
    "environment": object(),
    "git": {"status": True},
    "page": types.SimpleNamespace(title="A page", meta={}),
    "extra": {"hub": {}},
}


def environment():
    return page_environment({"hub_macro": hub_macro, "context": foreign_context}, {}, VARIABLES)


def render(text: str) -> str:
    # mkdocs-macros passes every variable to render(): the page template must drop them.
    return environment().from_string(text).render(**VARIABLES)


def test_pages_see_the_hubs_macros_and_plain_values():
    assert render("{{ hub.name }} {{ roadmap_storage_key }} {{ hub_macro('x') }}") == "OT hub roadmap-v1 <x>"
    assert render("{% for k, v in hub.colours.items() %}{{ k }}={{ v }}{% endfor %}") == "primary=#005EB8"
    assert render("{{ hub.contacts | map('upper') | join }} {{ '%s-%d' | format('a', 3) }}") == "A@NHS.NET a-3"
    assert render("{% for i in range(3) %}{{ i }}{% endfor %}") == "012"


@pytest.mark.parametrize(
    "payload",
    [
        "{% for k, v in config.hooks.items() %}{{ v.os.system('id') }}{% endfor %}",
        "{{ config.theme.get_env().from_string('{{ 1 }}').render() }}",
        "{{ plugin }}",
        "{{ environment }}",
        "{{ git }}",
        "{{ page.title }}",
        "{{ extra }}",
        "{{ context() }}",
        "{{ cycler }}",
        "{{ joiner() }}",
        "{{ namespace() }}",
        "{{ lipsum() }}",
    ],
)
def test_what_mkdocs_macros_offers_is_not_there(payload):
    with pytest.raises(UndefinedError):
        render(payload)


@pytest.mark.parametrize(
    "payload",
    [
        "{{ hub_macro.__globals__ }}",
        "{{ hub_macro | attr('__globals__') }}",
        "{{ [hub_macro] | map(attribute='__globals__') | first }}",
        "{{ hub.__class__.__mro__ }}",
        "{{ hub['__class__'] }}",
        "{{ '{0.__class__}'.format(hub) }}",
        "{{ hub_macro.__code__ }}",
        "{{ hub.contacts.append('x') }}",
        "{{ hub.colours.update({'primary': 'red'}) }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ range.__self__ }}",
    ],
)
def test_reaching_python_through_attributes_is_refused(payload):
    with pytest.raises((SecurityError, UndefinedError)):
        render(payload)


def test_a_mapped_attribute_that_would_reach_python_comes_out_undefined():
    assert render("{{ [hub_macro] | map(attribute='__globals__') | list }}") == "[Undefined]"


def test_the_hub_values_cannot_be_changed_by_a_page():
    with pytest.raises(SecurityError):
        render("{% set c = hub.contacts %}{{ c.append('x') }}")
    assert VARIABLES["hub"]["contacts"] == ["a@nhs.net"]


def test_safe_is_refused_so_a_pages_text_stays_text():
    with pytest.raises(Exception, match="safe"):
        render("{{ '<script>' | safe }}")


@pytest.mark.parametrize(
    "payload",
    [
        '{% include "assets/images/logo.svg" %}',
        '{% import "main.html" as m %}',
        '{% extends "base.html" %}',
        '{% from "events/session.html" import x %}',
    ],
)
def test_pages_include_nothing(payload):
    with pytest.raises(TemplateNotFound, match="cannot include"):
        render(payload)


def test_only_plain_data_is_offered_as_a_value():
    assert plain_copy({"a": [1, "b", None, True, 2.5]}, "hub") == {"a": [1, "b", None, True, 2.5]}
    assert plain_copy({"founded": date(2020, 1, 2)}, "hub") == {"founded": date(2020, 1, 2)}
    with pytest.raises(PageValueError, match=r"hub\.module is a module"):
        plain_copy({"module": os}, "hub")


def test_the_allow_list_is_short_and_named():
    assert page_sandbox.PAGE_VALUES == ("hub", "roadmap_storage_key")
    assert environment().globals.keys() == {"range", "hub", "roadmap_storage_key", "hub_macro"}
