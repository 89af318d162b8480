"""The lexicon of the quantities stage and the attack-kind queries reconciliation shares
(rasd.extractor.quantity_lexicon)."""

import pytest

from rasd.extractor.quantity_lexicon import compatible_attacks, distinctive, lasting, quantity_lexicon


def test_attack_compatibility():
    assert compatible_attacks(("car_bomb",), ("bombing",))
    assert compatible_attacks(("airstrike",), ("bombardment",))
    assert compatible_attacks((), ("stabbing",))
    assert not compatible_attacks(("airstrike",), ("stabbing",))
    assert not compatible_attacks(("car_bomb",), ("shooting",))
    assert distinctive(("airstrike", "car_bomb", "clashes")) == {"car_bomb"}


def test_lasting_incidents_and_period_openers():
    assert lasting(("earthquake", "airstrike")) == {"earthquake"}  # a quake's toll runs on
    assert not lasting(("airstrike",))
    lex = quantity_lexicon()
    assert lex.since_openers <= lex.period_openers


def test_a_malformed_quantities_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd.errors import DataError
    from rasd.extractor import quantity_lexicon

    broken_data(quantity_lexicon, "quantities.yaml",
                lambda d: d["attacks"]["airstrike"].update({"parent": "bombs"}),
                quantity_lexicon.quantity_lexicon)
    with pytest.raises(DataError, match=r"^quantities\.yaml: attacks\.airstrike\.parent: 'bombs'"):
        quantity_lexicon.quantity_lexicon()
