"""A readable summary of one annotation for people at a terminal."""

from __future__ import annotations

from dyadwatch.records import Annotation


def pretty(annotation: Annotation) -> str:
    article = annotation.article
    text = article.text
    names = {a.id: a for a in annotation.actors}

    def who(ids: tuple[str, ...]) -> str:
        return " + ".join(f"{names[i].name} ({names[i].code or '?'})" for i in ids) or "—"

    lines = [
        f"# {article.title or article.id}",
        f"  id {article.id} · published {article.published or 'unknown'} · "
        f"source {article.source or 'unknown'}",
        f"  {len(annotation.actors)} actors, {len(annotation.quotes)} quotes, "
        f"{len(annotation.timexes)} time expressions, {len(annotation.places)} places, "
        f"{len(annotation.events)} events",
        "",
        "## Events",
    ]
    for event in annotation.events:
        mode = f"/{event.mode}" if event.mode else ""
        trigger = text[event.trigger[0]:event.trigger[1]]
        place = f" @ {event.place.name}" if event.place else ""
        lines.append(
            f"- {event.date or '????-??-??'} {event.type}{mode} [{event.cameo}] "
            f"{who(event.source)} → {who(event.target)}  {event.modality}, "
            f"conf {event.confidence:.2f}{place}"
        )
        sentence = " ".join(text[event.sentence[0]:event.sentence[1]].split())
        lines.append(f"    “{trigger}” in: {sentence[:160]}{'…' if len(sentence) > 160 else ''}")
    lines += ["", "## Quotes"]
    for quote in annotation.quotes:
        speaker = names[quote.speaker_actor].name if quote.speaker_actor in names else (
            text[quote.speaker[0]:quote.speaker[1]] if quote.speaker else "unknown"
        )
        body = " ".join(quote.text.split())
        lines.append(f"- {speaker} ({quote.kind}): {body[:140]}{'…' if len(body) > 140 else ''}")
    lines += ["", "## Actors"]
    for actor in annotation.actors:
        lines.append(
            f"- {actor.name}: {actor.kind}, {actor.country or '?'} {actor.sector or ''}".rstrip()
        )
    return "\n".join(lines)
