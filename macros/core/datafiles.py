"""Load the YAML files editors write and validate them with typed models.

Training-hub staff edit these files by hand. When one is wrong the build must stop
with a message that names the file, the line, the entry and the field, and says how
to fix it. Every data file goes through `load_data_file`: read and parsed by
core/yaml_reading.py (after the safety pass of core/yaml_safety.py), validated here,
remembered by core/validated_cache.py. Which loader reads which file is core/data_loaders.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

# The names marked F401 are imported here only for modules that import them from here, as
# before the split into yaml_safety.py, yaml_reading.py, validated_cache.py and
# data_loaders.py (front matter, config_file and check still do); new code imports them
# from those modules.
from . import validated_cache
from .data_loaders import DATA_LOADERS, Loader, check_data_files, data_files, register_loader  # noqa: F401
from .problems import DataFileError, DataProblem, describe_location, describe_validation_error, line_of
from .validated_cache import forget_validated  # noqa: F401
from .yaml_reading import (  # noqa: F401
    decode_text,
    parse_yaml,
    parse_yaml_text,
    read_bytes,
    read_yaml,
    unsafe_yaml_problems,
    yaml_error_line,
    yaml_error_problem,
)
from .yaml_safety import CONTROL_CHARACTERS, UnsafeYAML, check_yaml_events, describe_character, shorten  # noqa: F401

Model = TypeVar("Model", bound=BaseModel)

# A cross-reference check run after the model validated: it returns (location, message)
# pairs, the location being the path of keys and list positions to the field at fault,
# such as ("routes", 2, "next_steps"), so the problem is reported with its line and entry.
CrossCheck = Callable[[Any], list[tuple[tuple, str]]]


def load_data_file(
    path: Path, model: type[Model], shown_as: str | None = None, checks: Sequence[CrossCheck] = ()
) -> Model:
    """Read a YAML data file and validate it against `model`, or raise DataFileError.

    `checks` run on the validated model for rules that span entries (an id used in one
    list must exist in another); their problems are reported like the model's own. The
    same content is validated once (core/validated_cache.py).
    """
    shown_as = shown_as or str(path)
    content = read_bytes(path, shown_as)
    key, context = (str(path.resolve()), model), (shown_as, tuple(checks))
    remembered = validated_cache.recall(key, content, context)
    if remembered is not None:
        return remembered
    validated = validate(content, model, shown_as, checks)
    validated_cache.remember(key, content, context, validated)
    return validated


def validate(content: bytes, model: type[Model], shown_as: str, checks: Sequence[CrossCheck] = ()) -> Model:
    """The file's bytes as `model`, its cross-reference checks passed, or a DataFileError."""
    data, nodes = parse_yaml_text(decode_text(content, shown_as), shown_as)
    if data is None:
        raise DataFileError([DataProblem(shown_as, None, "", "the file is empty")])
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        raise DataFileError(describe_validation_error(error, data, nodes, model, shown_as)) from None
    problems = [
        DataProblem(shown_as, line_of(nodes, loc), describe_location(data, loc), message)
        for check in checks
        for loc, message in check(validated)
    ]
    if problems:
        raise DataFileError(problems)
    return validated
