"""Stable error codes: messages may change, codes never do."""

from __future__ import annotations


class Codes:
    E001 = "E001"  # empty text
    E002 = "E002"  # binary or undecodable input
    E003 = "E003"  # not English
    E004 = "E004"  # too large
    E005 = "E005"  # malformed JSON line / record
    E006 = "E006"  # malformed HTML (no extractable text)
    E007 = "E007"  # malformed or empty feed
    E008 = "E008"  # unreadable file / unsupported type
    E009 = "E009"  # invalid metadata (date, fields)
    E010 = "E010"  # too short to code
    E011 = "E011"  # URL refused (private address) or fetch failed
    E020 = "E020"  # annotation failed for this article
    E030 = "E030"  # database error
    E040 = "E040"  # spaCy pipeline not installed
    E050 = "E050"  # invalid knowledge data (actors, trigger lexicon)
    E060 = "E060"  # optional extra not installed (dask)
    E061 = "E061"  # invalid --dask address or --jobs/--dask combination
    E301 = "E301"  # invalid quote-cue lexicon


class DyadwatchError(Exception):
    """A fatal, user-facing error with a stable code (CLI exit status 2)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
