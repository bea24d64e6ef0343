"""How a loaded history is held in memory: the same validated records, in half the room.

Ten years of evenings are some 4,000 sessions and 35,000 pydantic models (each
session, its steps, their entries). Pydantic gives every model instance its own
``__pydantic_fields_set__``, a set of the names the file gave it: five to
fifteen names, 728 bytes or more each, over half of the history's memory
(benchmarks/memory.py: 23 of 44 MiB). The models that came from the same kind
of file hold the same names, so after loading they share one set per distinct
collection of names: nothing is read from disk again, nothing validated
anew, and every record compares, dumps and copies as before.

A shared set is safe because nothing mutates it in closer: pydantic adds a
name to it only when a field of a model is assigned to, and a session on
disk is never changed in place (a change is a new record, and
``model_copy`` gives a copy its own set). The sets are read only by
``model_fields_set`` and ``exclude_unset`` dumps, which closer does not use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel


def hold_lightly(records: Iterable[BaseModel]) -> None:
    """Let ``records`` and every model inside them share their sets of given fields.

    Run on the thread that loads the history, after it: ten years take a
    small part of the load's own time.
    """
    shared: dict[tuple[type, int], list[set[str]]] = {}
    waiting: list[BaseModel] = list(records)
    while waiting:
        model = waiting.pop()
        given = model.__pydantic_fields_set__
        alike = shared.setdefault((type(model), len(given)), [])
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
