"""The meeting's keys for the client call, apart from the call pane.

The meeting binds these keys when it is built, but mounts the call pane
only when a call segment comes up: keeping the keys here spares the
meeting's first frame importing the pane (its form, its client story and
the call suggestions: about 8 ms) on the days it opens on client voice.
"""

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
