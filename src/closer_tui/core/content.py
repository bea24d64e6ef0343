"""Every word closer shows a couple, loaded from ``content/*.toml`` and validated.

The package's files are the built-in library. A couple can add their own
cards in ``my-content.toml`` in their data directory; those are validated the
same way and a mistake there is reported, never fatal.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]

Strength = Literal["strong", "moderate", "preliminary", "rule of thumb", "clinical practice"]
"""How much weight the evidence behind a claim can bear, said honestly."""


class ContentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(ContentModel):
    """Where a claim comes from: author(s) and year, in the form people cite."""

    cite: Text = Field(description='e.g. "Aron et al., 1997"')
    title: str = ""


class Claim(ContentModel):
    """One factual sentence or two, with its source and an honest strength."""

    text: Text
    sources: list[Source] = Field(min_length=1)
    strength: Strength
    caveat: str = Field("", description="Where the popular version says more than the evidence.")


class Why(ContentModel):
    """The short *why* of a practice or exercise."""

    summary: Text
    claims: list[Claim] = Field(min_length=1)


class Hug(ContentModel):
    title: Text
    seconds: int = Field(ge=5, le=600)
    invitation: Text
    during: list[Text] = Field(min_length=1, description="Gentle lines shown while hugging.")
    after: Text
    why: Why


class Safety(ContentModel):
    """The not-therapy and safety note: shown at first run, in help, and near conflict."""

    short: Text = Field(description="One or two lines for places where conflict comes up.")
    not_therapy: Text
    unsafe: Text
    find_therapist: Text
    helplines: Text


class Library(ContentModel):
    """All of closer's content, loaded once."""

    hug: Hug
    safety: Safety


def _read_package_file(name: str) -> dict[str, object]:
    text = resources.files("closer_tui.content").joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def package_files() -> list[str]:
    """Names of the built-in content files."""
    folder = resources.files("closer_tui.content")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def library() -> Library:
    """The built-in library; a broken built-in file is a bug and fails loudly."""
    merged: dict[str, object] = {}
    for name in package_files():
        merged.update(_read_package_file(name))
    return Library.model_validate(merged)


class OwnContentError(Exception):
    """The couple's own content file could not be used; the message says why."""


def read_own_content(path: Path) -> dict[str, object]:
    """Parse a couple's own content file, with a message a person can act on."""
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise OwnContentError(f"{path.name} could not be read: {error}") from error


def describe_validation_error(error: ValidationError, source: str) -> str:
    """Turn pydantic's report into a short list a couple can follow."""
    lines = [f"{source} has {error.error_count()} problem(s):"]
    for problem in error.errors()[:5]:
        where = " → ".join(str(part) for part in problem["loc"])
        lines.append(f"  • {where}: {problem['msg']}")
    return "\n".join(lines)
