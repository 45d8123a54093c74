"""The plain data the components extract, before it becomes the contract's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.regions import Region


@dataclass(frozen=True)
class RegionMention:
    """A place name in the text resolved to a canonical region.

    ``kind`` is ``province``, ``regency`` (written with its Kabupaten/Kota/Pemkab
    prefix or unambiguous), ``bare`` (a bare name resolved by context),
    ``district`` (a kecamatan that placed the story in its regency) or
    ``dateline`` (the city of the dateline).
    """

    start: int
    end: int
    text: str
    region: Region
    kind: str


@dataclass(frozen=True)
class InstitutionMention:
    """An organisation named in the text, with its canonical name and default role."""

    start: int
    end: int
    text: str
    name: str
    role: str
    kind: str  # bawaslu, kpu, pemda, dinas, school, police, party, media, ...
    region: Region | None = None


@dataclass
class PersonMention:
    """A person (or a group of persons) the text names or describes.

    ``name`` is without titles (None for "seorang camat"); ``position`` is the
    jabatan as the corpus writes it; ``speaker`` is True when the mention is
    the attribution of a quote ("kata Syamsul").
    """

    start: int
    end: int
    text: str
    name: str | None
    position: str | None
    actor_type: str | None
    group: bool = False
    speaker: bool = False
    official: bool = False  # an oversight/authority role: quoted about a case, never its actor
    institution: str | None = None
    sentence: int = -1


@dataclass(frozen=True)
class DateMention:
    """A date as written: any part may be missing ("Kamis (30/11)" has no year)."""

    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None  # Monday = 0, as datetime.weekday()


@dataclass
class Statistic:
    """A published figure about cases, reports, persons or actions."""

    start: int
    end: int
    value: float
    unit: str
    subject: str
    sentence: int
    period_start: str | None = None
    period_end: str | None = None
    source_org: str | None = None


@dataclass
class Actor:
    """The accused in a case."""

    name: str | None
    position: str | None
    actor_type: str
    institution: str | None = None
    region: Region | None = None
    mentions: list[int] = field(default_factory=list)  # indexes into doc._.persons


@dataclass
class Case:
    """One incident: who did what, where, when, how far it went, and the sentences that say so."""

    actors: list[Actor]
    conduct: list[str]
    region: Region | None
    incident_dates: list[DateMention]  # candidates, best first; resolved against the publication date
    status: str | None
    evidence: list[int]  # sentence indexes
