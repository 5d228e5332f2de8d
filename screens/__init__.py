"""The Textual UI of briefing: the App, one module per screen, the styles.

A separate top-level package so the core (``briefing``) never imports
Textual; it is shipped in the same wheel.
"""
