"""Sets of place mentions: the finest, the nearest, each checked against the plain scan."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extractor import place_sets
from rasd.model import PlaceMention

PLACES = st.builds(
    lambda start, kind, country, admin1, precision: PlaceMention(
        start, start + 3, "x", None, country, None, None, precision, kind, admin1),
    st.integers(0, 200), st.sampled_from(["country", place_sets.COUNTRY_REGION, "admin1", "city",
                                          "unknown", "place"]),
    st.sampled_from([None, "SY", "IQ"]), st.sampled_from([None, "a", "b"]), st.integers(1, 3))
SETTINGS = settings(max_examples=400, derandomize=True, database=None, deadline=None)


def _finest_by_pairs(places, by_kind=False):
    return [p for p in places if not place_sets.holds_finer_place(p, places, by_kind)]


@SETTINGS
@given(st.lists(PLACES, max_size=12))
def test_finest_and_finest_so_far_answer_as_pairwise_checks(places):
    places.sort(key=lambda p: p.start)
    assert place_sets.finest_places(places) == _finest_by_pairs(places)
    assert place_sets.finest_places(places, by_kind=True) == _finest_by_pairs(places, True)
    so_far = place_sets.FinestSoFar()
    for n, p in enumerate(places, 1):
        so_far.add(p)
        expected = _finest_by_pairs(places[:n])
        assert so_far.last() is (expected[-1] if expected else None)


@SETTINGS
@given(st.lists(PLACES, min_size=1, max_size=12), st.integers(-5, 210))
def test_nearest_answers_as_min(places, anchor):
    places.sort(key=lambda p: p.start)
    got = place_sets.nearest(places, [p.start for p in places], anchor)
    assert got is min(places, key=lambda p: (abs(p.start - anchor), p.start))


def test_a_province_is_finer_than_its_country_at_one_precision():
    country = PlaceMention(0, 5, "اليمن", "Yemen", "YE", 15.0, 44.0, 3, "country")
    province = PlaceMention(20, 31, "محافظة صعدة", "Saada", "YE", 16.9, 43.7, 3, "admin1", "Saada")
    other = PlaceMention(40, 45, "سوريا", "Syria", "SY", 35.0, 38.0, 3, "country")
    places = [country, province, other]
    assert place_sets.finest_places(places, by_kind=True) == [province, other]
    assert place_sets.finest_places(places) == places  # (the context carried: by precision)
    assert place_sets.holds_finer_place(country, [province], by_kind=True)
    assert not place_sets.holds_finer_place(province, [country], by_kind=True)
