"""Every kind of step a plan may name opens a real activity."""

from __future__ import annotations

from typing import get_args

from closer_tui.activities import ACTIVITIES, activity_class
from closer_tui.core.content import ActivityKind
from closer_tui.widgets.activity import Activity


def test_every_kind_a_plan_may_name_has_an_activity() -> None:
    # A kind added to the content's ActivityKind but not to ACTIVITIES would load from a plan
    # file and then fail only when a couple reached that step.
    assert set(ACTIVITIES) == set(get_args(ActivityKind))
    for kind in ACTIVITIES:
        assert issubclass(activity_class(kind), Activity), kind
        # and the one that opens records itself as that kind, so history names the step right
        assert kind == activity_class(kind).KIND
