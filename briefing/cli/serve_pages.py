"""The HTML ``briefing serve`` sends: the page that holds a tab's terminal,
and the short pages that refuse one (no token, the server is full).

The terminal page is textual-serve's own, cut to what we use: no font
fetched from a third party (the quote font ships with textual-serve), no
"start" button, and a "session ended" box whose button reloads. Every value
put into a page is escaped here. The words are in the language the
server speaks (``briefing --lang fr serve``, or the team's setting), chosen
before the first request; ``lang=`` says it to the browser.
"""

from __future__ import annotations

from html import escape

from briefing import i18n
from briefing.i18n import _

TERMINAL = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<link rel="stylesheet" href="{static}css/xterm.css">
<style>
@font-face {{ font-family: "Roboto Mono"; src: url("{static}fonts/RobotoMono-VariableFont_wght.ttf"); }}
html, body {{ margin: 0; height: 100%; background: #0c181f; }}
#terminal {{ position: absolute; inset: 0; }}
.ended {{ display: none; position: absolute; inset: 0; z-index: 10; align-items: center; justify-content: center;
  font: 16px "Roboto Mono", monospace; color: #eee; background: rgba(12, 24, 31, 0.9); flex-direction: column; }}
body.-closed .ended {{ display: flex; }}
.ended button {{ font: inherit; padding: 12px 28px; margin: 16px; border: none; background: #5e0ba7; color: #fff;
  cursor: pointer; }}
</style>
<script src="{static}js/textual.js"></script>
</head>
<body>
<div class="ended"><div>{ended}</div>
<button type="button" onclick="window.location.reload()">{again}</button></div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{websocket}" data-font-size="{font_size}"></div>
</body>
</html>
"""

NOTICE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font: 18px/1.5 system-ui, sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; }}</style>
</head><body><h1>{title}</h1><p>{text}</p></body></html>
"""


def terminal(*, title: str, static: str, websocket: str, font_size: int) -> str:
    return TERMINAL.format(
        lang=i18n.current(),
        title=escape(title),
        static=escape(static),
        websocket=escape(websocket),
        font_size=int(font_size),
        ended=escape(_("This briefing tab has closed.")),
        again=escape(_("Open it again")),
    )


def notice(title: str, text: str) -> str:
    return NOTICE.format(lang=i18n.current(), title=escape(title), text=escape(text))


def forbidden() -> str:
    return notice(
        _("This link needs its token"),
        _("Open the link that 'briefing serve' printed when it started: it ends with ?token=…"),
    )


def refused() -> str:
    return notice(_("Refused"), _("This page may not open a briefing tab."))


def full(limit: int) -> str:
    return notice(
        _("Every seat is taken"),
        _(
            "This briefing server already runs {limit} tabs, its limit. Close a tab you no longer need "
            "(or ask whoever started it to raise --max-sessions), then reload this page."
        ).format(limit=limit),
    )
