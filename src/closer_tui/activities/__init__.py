"""The interactive cores, by the activity kind that plans and history use.

Modules are imported only when a couple opens one, so start-up pays for none.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from closer_tui.core.content import ActivityKind

if TYPE_CHECKING:
    from closer_tui.widgets.activity import Activity

ACTIVITIES: dict[ActivityKind, str] = {
    "hug": "hug:HugActivity",
    "touch_ideas": "touch_ideas:TouchIdeasActivity",
    "phones_away": "unplugged:PhonesAwayActivity",
    "unplugged": "unplugged:UnpluggedActivity",
    "stress_talk": "stress_talk:StressTalkActivity",
    "just_listen": "inner_world:JustListenActivity",
    "eye_gazing": "eye_gazing:EyeGazingActivity",
    "question": "questions:QuestionActivity",
    "safety_check": "safety_check:SafetyCheckActivity",
    "inner_world": "inner_world:InnerWorldActivity",
    "i_statement": "inner_world:IStatementActivity",
    "appreciations": "appreciations:AppreciationsActivity",
    "good_tally": "good_tally:GoodTallyActivity",
    "dtr": "dtr:TemperatureReadingActivity",
    "love_maps": "love_maps:LoveMapsActivity",
    "weekly_checkin": "weekly_checkin:WeeklyCheckinActivity",
    "needs": "weekly_checkin:NeedsActivity",
    "connection_check": "reflection:ConnectionCheckActivity",
    "attachment_quiz": "reflection:AttachmentQuizActivity",
    "deck": "deck_play:DeckActivity",
    "settle_in": "hard_moment:SettleInActivity",
    "feelings": "hard_moment:FeelingsActivity",
    "hard_moment": "hard_moment:HardMomentTurnsActivity",
    "gentle_start": "inner_world:GentleStartActivity",
}


def activity_class(kind: ActivityKind) -> type[Activity]:
    module_name, _, class_name = ACTIVITIES[kind].partition(":")
    module = import_module(f"closer_tui.activities.{module_name}")
    cls: type[Activity] = getattr(module, class_name)
    return cls
