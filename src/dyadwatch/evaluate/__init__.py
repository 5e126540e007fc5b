"""Scorers for `dyadwatch eval`: gold JSONL (DESIGN §4) against annotation dicts (DESIGN §3).

Each module `evaluate/<kind>.py` exposes `score(gold, predicted) -> dict` over aligned lists of
gold records and annotation dicts, and `report(metrics) -> str` for people.
"""
