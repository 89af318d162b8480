"""The time of each claim (rasd.extractor.claim_times), end to end."""

from claims_kit import one_claim


def test_claim_time_defaults_to_publication():
    claim = one_claim("قُتل 5 أشخاص في انفجار.")
    assert claim.time is not None and claim.time.date == "2020-10-05"
    assert claim.time.precision == "publication"


def test_claim_time_from_the_sentence():
    claim = one_claim("قُتل 5 أشخاص أمس الأحد في انفجار.")
    assert claim.time.date == "2020-10-04" and claim.time.precision == "day"


def test_cumulative_toll_gets_a_start_marker():
    claim = one_claim("قُتل أكثر من 300 ألف شخص منذ بدء الحرب.")
    assert claim.time.precision == "since"
