"""How the history is held in memory: the same validated records, in far less room.

Ten years of evenings are some 4,000 sessions and 35,000 pydantic models (each
session, its steps, their entries). Pydantic gives every model instance its own
``__pydantic_fields_set__``, a set of the names its data gave it: five to
fifteen names, 728 bytes or more each, over half of the history's memory
(benchmarks/memory.py: 23 of 44 MiB). Sessions that came from the same kind
of file hold the same names, so each session, as soon as it is validated
(``SessionRecord.model_post_init``), lets its models share one set per
distinct collection of names with the sessions before it. Nothing is read or
validated differently, every record compares, dumps and copies as before, and
a set given up is freed at once, before the next file is read, so the memory
is never taken from the system at all.

A shared set is safe because nothing mutates it in closer: pydantic adds a
name to it only when a field of a model is assigned to, and a session is
never changed in place (a change is a new record, and ``model_copy`` gives a
copy its own set). The sets are read only by ``model_fields_set`` and
``exclude_unset`` dumps, which closer does not use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

_SHARED: dict[tuple[type, int], list[set[str]]] = {}
"""The sets shared so far, by model class and size: a few dozen in all, for the process."""


def hold_lightly(models: Iterable[BaseModel]) -> None:
    """Let ``models`` and every model inside them share their sets of given fields."""
    waiting: list[BaseModel] = list(models)
    while waiting:
        model = waiting.pop()
        given = model.__pydantic_fields_set__
        alike = _SHARED.setdefault((type(model), len(given)), [])
        for one in alike:
            if one == given:
                if one is not given:
                    object.__setattr__(model, "__pydantic_fields_set__", one)
                break
        else:
            alike.append(given)
        values = model.__dict__
        for name in _model_fields(type(model)):
            value = values.get(name)
            if isinstance(value, BaseModel):
                waiting.append(value)
            elif isinstance(value, list):
                waiting.extend(item for item in value if isinstance(item, BaseModel))


@cache
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that may hold models (``steps``, ``entries``, ``tally``)."""
    return tuple(
        name for name, field in model.model_fields.items() if _mentions_a_model(field.annotation)
    )


def _mentions_a_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_a_model(arg) for arg in get_args(annotation))
