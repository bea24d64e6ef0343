"""The interactive cores, by the activity kind that plans and history use."""

from __future__ import annotations

from closer_tui.activities.hug import HugActivity
from closer_tui.widgets.activity import Activity

ACTIVITIES: dict[str, type[Activity]] = {
    HugActivity.KIND: HugActivity,
}
