"""Batch runs: the per-article function mapped over many inputs."""
