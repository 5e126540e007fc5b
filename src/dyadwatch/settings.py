"""One typed settings object: each option declared once, with its default and help.

Values come from (highest first) CLI options, environment variables `DYADWATCH_*`, and a
`dyadwatch.toml`-free default. See `data/dyadwatch.example.env` for a commented example.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DYADWATCH_", extra="ignore")

    db: str = Field(
        "sqlite:///dyadwatch.db",
        description="Database URL (SQLAlchemy): sqlite:///file.db or postgresql+psycopg://...",
    )
    actors: list[Path] = Field(
        default_factory=list,
        description="Extra actor files (YAML or CSV) that add to or override the built-in ones.",
    )
    max_article_chars: int = Field(
        1_000_000, description="Articles longer than this are rejected (E004)."
    )
    min_article_words: int = Field(
        5, description="Articles with fewer words are rejected as too short (E010)."
    )
    batch_size: int = Field(
        32, description="Articles per nlp.pipe batch (long articles: keep small, DESIGN §7)."
    )
    allow_private_urls: bool = Field(
        False, description="Allow fetching URLs that resolve to private or loopback addresses."
    )


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (CLI) overrides on top."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)  # type: ignore[arg-type]
