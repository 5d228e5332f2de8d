"""The meeting's keys for the client call, apart from the call pane.

The meeting binds these keys when it is built, but mounts the call pane
only when a call segment comes up: keeping the keys here spares the
meeting's first frame importing the pane (its form, its client story and
the call suggestions: about 8 ms) on the days it opens on client voice.
"""

from briefing.i18n import N_

#: The meeting's keys for the call -> what they do here (shown in the border).
CALL_KEYS = {
    "s": "other",
    "slash": "pick",
    "c": "write",
    "ctrl+s": "keep",
    "r": "reached",
    "v": "voicemail",
    "0": "no-answer",
    "b": "caller",
}
#: What each does, in the key help Textual lists (the border says it shorter).
CALL_HELP = {
    "other": N_("Call: another client"),
    "pick": N_("Call: a client by name"),
    "write": N_("Call: write what the client said"),
    "keep": N_("Call: keep it"),
    "reached": N_("Call: reached"),
    "voicemail": N_("Call: voicemail"),
    "no-answer": N_("Call: no answer"),
    "caller": N_("Call: who calls"),
}
