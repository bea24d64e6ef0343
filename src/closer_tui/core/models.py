"""What closer keeps on disk, as versioned pydantic models.

Every persisted model allows unknown fields so that a file written by a newer
closer keeps what it wrote when this version rewrites it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from closer_tui.core.basics import COUPLE_SCHEMA as COUPLE_SCHEMA
from closer_tui.core.basics import DEFAULT_THEME, NAME_MAX
from closer_tui.core.basics import PALETTE as PALETTE
from closer_tui.core.basics import PARTNER_KEYS as PARTNER_KEYS
from closer_tui.core.basics import PartnerKey as PartnerKey
from closer_tui.core.basics import utc_now as utc_now

SESSION_SCHEMA = 1
DRAFT_SCHEMA = 1
KEEPSAKES_SCHEMA = 1
LETTER_SCHEMA = 1

Who = Literal["first", "second", "both"]

ColourName = Literal["orange", "sky", "green", "yellow", "vermilion", "pink"]

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX)]

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
"""When a session may happen. No clock, even one reset by a flat battery, leaves
this range; inside it every time zone and every sum of days closer makes stays
a date Python can hold, so a far-off date never reaches a file name or a chart."""


def within_reach(moment: datetime) -> datetime:
    """``moment`` itself if it lies between :data:`EARLIEST` and :data:`LATEST`."""
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(f"the date must lie between {EARLIEST.year} and {LATEST.year}")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(within_reach)]
"""A date and time with its offset, within reach (see :data:`EARLIEST`)."""


def new_id() -> str:
    return uuid.uuid4().hex


class Persisted(BaseModel):
    """Base of everything written to disk: unknown fields survive a rewrite."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Partner(Persisted):
    name: Name
    colour: ColourName

    @property
    def hex(self) -> str:
        return PALETTE[self.colour]


class Preferences(Persisted):
    theme: str = DEFAULT_THEME
    bell: bool = Field(True, description="Ring the terminal bell when a timer ends.")
    pulse: bool = Field(True, description="Flash the timer softly when it ends.")
    on_this_day: bool = Field(
        True, description="Home may show one line from the couple's own past: on this day."
    )
    lock_after_minutes: int = Field(
        10, ge=1, le=240, description="With the lock on: lock again after this long untouched."
    )
    reduced_motion: bool = Field(
        False, description="Show a plain count instead of anything that moves (the breathing bar)."
    )


class Anniversary(Persisted):
    """A day the couple chose to remember each year (the day they met, say)."""

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    year: int | None = Field(None, ge=1900, le=9000, description="When known: for 'N years ago'.")


class Couple(Persisted):
    """``couple.json``: who the two partners are and how they like closer to behave."""

    schema_: int = Field(COUPLE_SCHEMA, alias="schema")
    revision: int = Field(0, description="Bumped on every save; guards against stale copies.")
    first: Partner
    second: Partner
    preferences: Preferences = Field(default_factory=Preferences)
    created_at: AwareDatetime = Field(default_factory=utc_now)
    anniversaries: list[Anniversary] = Field(
        default_factory=list, description="Days they chose to remember, for 'on this day'."
    )
    keepsakes: dict[str, Any] = Field(
        default_factory=dict,
        exclude=True,
        description="Only in files from before keepsakes.json: read to carry them over there.",
    )

    def partner(self, key: PartnerKey) -> Partner:
        return self.first if key == "first" else self.second

    def other(self, key: PartnerKey) -> PartnerKey:
        return "second" if key == "first" else "first"


class Keepsakes(Persisted):
    """``keepsakes.json``: what practices remember between evenings.

    A deck's place and the cards loved, the phone-free zones, the talk's turn
    length: not settings, so kept apart from ``couple.json``, and remembering
    one never makes the settings open in another window out of date.
    """

    schema_: int = Field(KEEPSAKES_SCHEMA, alias="schema")
    sections: dict[str, Any] = Field(
        default_factory=dict, description="Each practice's own section: key -> what it kept."
    )

    def recall(self, section: str, key: str) -> Any:
        """What was kept under ``section`` and ``key``, or None."""
        inner = self.sections.get(section)
        return inner.get(key) if isinstance(inner, dict) else None

    def with_kept(self, section: str, key: str, value: Any) -> Keepsakes:
        """A copy that also keeps ``value``; the rest of the section stays as it was."""
        inner = self.sections.get(section)
        mine = {**(inner if isinstance(inner, dict) else {}), key: value}
        return self.model_copy(update={"sections": {**self.sections, section: mine}})


class Entry(Persisted):
    """One thing one partner (or both together) wrote or chose."""

    who: Who
    prompt: str = Field(description="What was asked or the step it belongs to.")
    text: str = ""
    passed: bool = Field(False, description="They chose to pass: no reason is ever asked.")
    parts: dict[str, str] = Field(
        default_factory=dict,
        description="Named parts of a structured answer, e.g. a complaint and its request.",
    )


class Tally(Persisted):
    """The "notice the good" tally: counted moments, never a verdict."""

    positive: int = Field(0, ge=0)
    negative: int = Field(0, ge=0)


class Outcome(Persisted):
    """What one practice or exercise produced: a whole session, or one step of a plan."""

    kind: str
    title: str
    planned_seconds: float = Field(0.0, ge=0, allow_inf_nan=False)
    actual_seconds: float = Field(0.0, ge=0, allow_inf_nan=False)
    completed: bool = True
    ready: list[PartnerKey] = Field(
        default_factory=list, description="Who pressed their ready key; empty for one driver."
    )
    entries: list[Entry] = Field(default_factory=list)
    ratings: dict[PartnerKey, int] = Field(default_factory=dict)
    tally: Tally | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class SessionRecord(Outcome):
    """One finished session, stored once as ``sessions/<start>-<id>.json``."""

    schema_: int = Field(SESSION_SCHEMA, alias="schema")
    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    started_at: Moment
    ended_at: Moment
    plan: str | None = None
    steps: list[Outcome] = Field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{self.started_at.astimezone(UTC):%Y%m%dT%H%M%SZ}-{self.id}.json"

    def model_post_init(self, context: Any, /) -> None:
        # Ten years of sessions in half the memory (core/memory.py).
        from closer_tui.core.memory import hold_lightly

        hold_lightly((self,))


class SessionDraft(Persisted):
    """A guided session in progress, autosaved so it can be resumed after anything."""

    schema_: int = Field(DRAFT_SCHEMA, alias="schema")
    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    plan: str
    # Within reach too: a resumed draft's dates become a session's.
    started_at: Moment
    updated_at: Moment
    step_index: int = Field(0, ge=0)
    step_elapsed: float = Field(0.0, ge=0, allow_inf_nan=False)
    done: list[Outcome] = Field(default_factory=list)
    current: dict[str, Any] = Field(
        default_factory=dict, description="The current step's own unsaved state."
    )

    @property
    def file_name(self) -> str:
        return f"{self.id}.json"


OpensWhen = Literal["date", "anniversary", "together"]
"""When a sealed letter may be opened: on a date, on a day they remember, or the next
time they are both here (from the day after it was sealed)."""


class SealedLetter(Persisted):
    """``letters/<id>.json``: a letter one partner wrote privately, sealed until it may open.

    Rewritten once more when both open it together (``opened_at``); never listed
    in History, and its text is shown to no one before that.
    """

    schema_: int = Field(LETTER_SCHEMA, alias="schema")
    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    who: PartnerKey
    text: str = Field(min_length=1)
    sealed_at: Moment
    opens: OpensWhen = "together"
    opens_on: date | None = Field(None, description="For 'date': the first day it may open.")
    anniversary: str = Field("", description="For 'anniversary': the day's label, as entered.")
    opened_at: Moment | None = None

    @property
    def file_name(self) -> str:
        return f"{self.id}.json"
