"""One person (or, unnamed, one post) of a story and what it says of them."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUS_WORDS = frozenset({"PNS", "PPPK", "ASN", "honorer", "pegawai", "staf"})


@dataclass
class Cluster:
    """One person (or, unnamed, one post) and what the story says of them."""

    name: str | None
    position: str | None
    actor_type: str | None
    mentions: list[int] = field(default_factory=list)  # indexes into doc._.persons
    sentences: set[int] = field(default_factory=set)
    score: float = 0.0
    body: float = 0.0  # the score without the headline's bonus
    official: bool = False
    group: bool = False
    member: bool = False  # named as one of a group ("Salah satunya ...")
    member_of: set[str] = field(default_factory=set)  # that group's post when the phrase names it
    first: int = 10**9

    def absorb(self, other: Cluster) -> None:
        """Take over ``other``'s allegations, sentences and mentions: both are one person."""
        self.score += other.score
        self.body += other.body
        self.sentences |= other.sentences  # where they are placed and employed, too
        self.mentions += [i for i in other.mentions if i not in self.mentions]


# Words for a kind of official rather than a post, and the actor types they can refer back to.
GENERIC_POSITIONS: dict[str, frozenset[str]] = {
    "perangkat desa": frozenset({"PERANGKAT_DESA"}),
    "ASN": frozenset({"PNS", "PPPK", "ASN"}),
    "PNS": frozenset({"PNS"}),
    "pegawai": frozenset({"PNS", "PPPK", "ASN"}),
}
