"""briefing: the core of a client-centred sales stand-up.

This package never imports Textual: the CLI must stay fast for a
collaborator adding a verbatim, and the logic must be testable without a
terminal. The UI lives in the top-level ``screens`` package.
"""

__version__ = "0.1.0"
