import pytest

from consistency.text import content_stems, stem, stems_around, tokenize, words


@pytest.mark.parametrize("inflected, base", [
    ("provided", "provides"), ("stopped", "stop"), ("stopping", "stops"), ("planned", "plan"),
    ("running", "run"), ("called", "call"), ("passed", "pass"), ("passes", "pass"),
    ("added", "add"), ("businesses", "business"), ("Police", "police"), ("doesn’t", "doesn't"),
])
def test_stem_maps_inflections_to_one_stem(inflected, base):
    assert stem(inflected) == stem(base)


@pytest.mark.parametrize("a, b", [
    ("press", "pres"),      # "ss" is not a plural
    ("calling", "cal"),     # l, d, s, z are not undoubled
    ("added", "ad"),
    ("business", "bus"),
])
def test_stem_keeps_different_words_apart(a, b):
    assert stem(a) != stem(b)


def test_tokenize_keeps_spans_and_abbreviations():
    text = "U.S. sales fell 5% to $2.5 million."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:4] == ["U.S.", "sales", "fell", "5%"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "." not in words(text)


def test_stems_around_takes_the_words_a_value_hangs_on_in_its_clause():
    text = "Police detained 300 people on Sunday; organisers counted 5,000."
    start = text.index("300")
    assert stems_around(text, start, start + 3) == {
        stem("police"), stem("detained"), stem("people"), stem("Sunday")}


def test_content_stems_drop_stopwords_and_reporting_verbs():
    assert content_stems("He said that the sales were stopped") == {stem("sales"), stem("stopped")}


def test_cached_tokens_and_stems_cannot_be_changed_by_a_caller():
    # tokenize and content_stems are cached: a caller must not be able to alter a cached result
    text = "Police detained 300 people on Sunday."
    tokens, stems = tokenize(text), content_stems(text)
    assert isinstance(tokens, tuple) and isinstance(stems, frozenset)
    assert tokenize(text) == tokens and content_stems(text) == stems
