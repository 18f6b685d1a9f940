"""Loading articles: every format, bad records and files as Problems, dates, ids, seeds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from consistency.claims import split_claims
from consistency.clean import is_furniture
from consistency.corpus import extract_html, load_articles, parse_date, split_front_matter
from consistency.types import Article, stable_id

ROOT = Path(__file__).parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEEDS = ROOT / "corpus"


def load_one(path: Path) -> Article:
    articles, problems = load_articles([path])
    assert problems == []
    assert len(articles) == 1
    return articles[0]


def reasons(problems) -> list[str]:
    return [p.reason for p in problems]


def test_corpus_folder_sorted_hidden_and_unknown_skipped() -> None:
    articles, problems = load_articles([ARTICLES])
    names = [Path(a.path).name for a in articles]
    assert names == sorted(names)
    assert ".hidden_note.txt" not in names and "notes.xml" not in names
    assert [a.id for a in articles] == [
        articles[0].id, "isle-1", "isle-2", "bay-1", articles[4].id, "coast-1", "coast-2",
        articles[7].id, articles[8].id]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("feed.csv", "row 3: no article text (expected a 'text' or 'body' field)"),
        ("feed.json", "record 3: no article text (expected a 'text' or 'body' field)"),
        ("feed.jsonl", "line 3: invalid JSON (Unterminated string starting at)"),
        ("feed.jsonl", "line 4: no article text (expected a 'text' or 'body' field)"),
    ]


def test_corpus_load_is_deterministic() -> None:
    first, _ = load_articles([ARTICLES, SEEDS])
    again, _ = load_articles([str(ARTICLES), str(SEEDS)])
    assert first == again


def test_corpus_txt_front_matter_and_cleaning() -> None:
    art = load_one(ARTICLES / "harbour_gazette.txt")
    assert (art.source, art.title, art.published, art.url) == (
        "Harbour Gazette", "Port Alder ferry fares to rise 8% in April", dt.date(2023, 3, 3),
        "https://example.org/ferry-fares")
    assert art.text.startswith("Port Alder ferry fares to rise 8% in April\n\nThe Port Alder")
    assert art.raw.startswith("Local News\n\n")
    for gone in ("Local News", "Share this article", "Edited by", "Leave a reply", "comment!"):
        assert gone not in art.text and gone in art.raw
    assert art.id == stable_id(art.source, art.title, art.text)


def test_corpus_md_leading_meta_lines_and_markup() -> None:
    art = load_one(ARTICLES / "river_times.md")
    assert (art.source, art.published, art.title) == (
        "River Times", dt.date(2023, 3, 4), "Ferry operator defends fare increase")
    assert "**" not in art.text and "#" not in art.text and "](" not in art.text
    assert "the company said." in art.text
    assert "Follow us" not in art.text and "©" not in art.text and "Read more" not in art.text


def test_corpus_html_article_text_and_meta() -> None:
    art = load_one(ARTICLES / "city_wire.html")
    assert (art.source, art.title, art.published, art.url) == (
        "City Wire", "Council to vote on ferry fares next week", dt.date(2023, 3, 5),
        "https://example.org/city-wire/ferry-vote")
    assert art.text.split("\n\n") == [
        "Council to vote on ferry fares next week",
        "The town council will vote on the ferry operator’s fare plan on Monday, officials said.",
        'Councillor Ines Baptiste said the 8% rise was "too steep" for families. The vote needs '
        "a simple majority of the 11 members.",
        "The operator carried 1.2 million passengers last year.",
    ]


@pytest.mark.parametrize("html, text", [
    ("<body><main><p>One.</p><p>Two.</p></main><p>Outside.</p></body>", "One.\n\nTwo."),
    ("<body><div class='menu'>Home</div><p>Body text.</p></body>", "Body text."),
    ("<body><p>Kept.</p><div id='cookieBanner'>We use cookies</div></body>", "Kept."),
    ("<body><p>Kept.</p><ul class='newsletter-signup'><li>Join</li></ul></body>", "Kept."),
    ("<body><p>Kept.</p><div class='commentary-body'><p>Also kept.</p></div></body>",
     "Kept.\n\nAlso kept."),
    ("<p>A <a href='#'>linked</a> word &amp; an entity.<br>New line.</p>",
     "A linked word & an entity.\n\nNew line."),
    ("<article><p>Short.</p></article><article><p>The longer article wins here.</p></article>",
     "The longer article wins here."),
    ("<body><p>Unclosed <b>bold<p>Next para.</body>", "Unclosed bold\n\nNext para."),
    ("<body><form><p>Your email</p></form><noscript>Enable JS</noscript><p>Ok.</p></body>",
     "Ok."),
])
def test_corpus_html_extraction(html: str, text: str) -> None:
    assert extract_html(html).text == text


@pytest.mark.parametrize("html, field, expected", [
    ("<title>Page</title><h1>Head</h1>", "title", "Head"),
    ("<meta property='og:title' content='OG'><title>Page</title>", "title", "OG"),
    ("<title> Page \n title </title>", "title", "Page title"),
    ("<meta name='author' content='A. Writer'>", "source", "A. Writer"),
    ("<meta property='og:site_name' content='Site'><meta name='author' content='W'>",
     "source", "Site"),
    ("<p><time datetime='2020-06-11'>June 11</time></p>", "published", "2020-06-11"),
    ("<meta name='date' content='11 June 2020'>", "published", "11 June 2020"),
    ("<meta property='og:url' content='https://o/g'>", "url", "https://o/g"),
    ("<link rel='canonical' href='https://c/a'><meta property='og:url' content='https://o/g'>",
     "url", "https://c/a"),
])
def test_corpus_html_metadata(html: str, field: str, expected: str) -> None:
    assert getattr(extract_html(html), field) == expected


def test_corpus_json_records() -> None:
    articles, problems = load_articles([ARTICLES / "feed.json"])
    assert [a.id for a in articles][0] == "bay-1"
    first, second = articles
    assert first.text == ("Ferry fares up 8%\n\nThe Port Alder Ferry Co. will raise fares by 8% "
                          "in April.\n\nDr. Ana Ruiz, a transport economist, said the rise was "
                          "modest.")
    assert (first.source, first.published) == ("Bay Herald", dt.date(2023, 3, 3))
    assert second.text.startswith("Bridge repairs delayed\n\nRepairs")
    assert reasons(problems) == ["record 3: no article text (expected a 'text' or 'body' field)"]


@pytest.mark.parametrize("payload, n_articles, problem", [
    ({"text": "One object only, said the editor."}, 1, None),
    ([{"text": "First."}, {"body": "Second."}], 2, None),
    ([{"text": "Ok."}, "not an object"], 1, "record 2: not an object"),
    ([{"text": ["Para one.", 3]}], 0, "record 1: no article text (expected a 'text' or 'body' "
                                      "field)"),
    ({"articles": []}, 0, "no records in file"),
])
def test_corpus_json_shapes(tmp_path: Path, payload, n_articles: int, problem) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    articles, problems = load_articles([path])
    assert len(articles) == n_articles
    assert reasons(problems) == ([problem] if problem else [])


def test_corpus_jsonl_bad_line_does_not_stop_good_ones() -> None:
    articles, problems = load_articles([ARTICLES / "feed.jsonl"])
    assert [a.id for a in articles] == ["coast-1", "coast-2"]
    assert articles[0].published == dt.date(2023, 3, 4)
    assert articles[1].url == "https://example.org/coast-2"
    assert [p.reason.split(":")[0] for p in problems] == ["line 3", "line 4"]


def test_corpus_csv_rows() -> None:
    articles, problems = load_articles([ARTICLES / "feed.csv"])
    assert [(a.id, a.title, a.published) for a in articles] == [
        ("isle-1", "Ferry fares rise", dt.date(2023, 3, 3)),
        ("isle-2", "Night ferry cut", None),  # "not a date" is ignored, not fatal
    ]
    assert articles[0].text == ("Ferry fares will rise 8% in April.\n\nThe operator blamed fuel "
                                "costs, which it said had doubled.")
    assert reasons(problems) == ["row 3: no article text (expected a 'text' or 'body' field)"]


@pytest.mark.parametrize("name, data, reason", [
    ("bad.txt", b"\x81\x8d\x8f\x90\x9d not text", "cannot decode file as UTF-8 or cp1252"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n \n", "empty file"),
    ("broken.json", b'{"text": "unterminated', "invalid JSON (line 1: Unterminated string "
                                               "starting at)"),
    ("nocol.csv", b"title,source\nA,B\n", "no 'text' or 'body' column"),
    ("only_furniture.txt", b"Leave a reply\nShare this article\n",
     "no article text left after cleaning"),
    ("notes.docx", b"whatever", "unknown file type '.docx'"),
    ("README", b"whatever", "unknown file type '(no extension)'"),
])
def test_corpus_bad_file_is_one_problem(tmp_path: Path, name: str, data: bytes,
                                        reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, problems = load_articles([path, ARTICLES / "harbour_gazette.txt"])
    assert [Path(a.path).name for a in articles] == ["harbour_gazette.txt"]
    assert [(p.path, p.reason) for p in problems] == [(str(path), reason)]


@pytest.mark.parametrize("data, text", [
    ("Caf\u00e9 prices rose 5%.".encode("cp1252"), "Caf\u00e9 prices rose 5%."),
    ("\ufeffBOM text stays clean.".encode(), "BOM text stays clean."),
    (b"Windows\r\nline ends.\r\n", "Windows\nline ends."),
])
def test_corpus_decoding(tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert load_one(path).text == text


def test_corpus_missing_path_is_a_problem() -> None:
    articles, problems = load_articles(["/no/such/place", ARTICLES / "feed.jsonl"])
    assert len(articles) == 2
    assert problems[0].path == "/no/such/place"
    assert problems[0].reason == "no such file or folder"


def test_corpus_duplicate_article_keeps_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("source: Wire\n\nSame story, said Ann.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("source: Wire\n\nSame story, said Ann.", encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert [Path(a.path).name for a in articles] == ["a.txt"]
    assert [Path(p.path).name for p in problems] == ["b.txt"]
    assert problems[0].reason.startswith("duplicate article")


def test_corpus_default_source_and_single_path(tmp_path: Path) -> None:
    path = tmp_path / "metro_daily.txt"
    path.write_text("Tram line opens\n\nThe tram line opened on Sunday.", encoding="utf-8")
    articles, _ = load_articles(str(path))  # a lone path is accepted too
    assert (articles[0].source, articles[0].title, articles[0].path) == (
        "metro_daily", "Tram line opens", str(path))


@pytest.mark.parametrize("value, expected", [
    ("2021-10-18T16:15:00-07:00", dt.date(2021, 10, 18)),
    ("2021-10-18T16:15:00Z", dt.date(2021, 10, 18)),
    ("2020-06-11", dt.date(2020, 6, 11)),
    ("2020/06/11", dt.date(2020, 6, 11)),
    ("June 11, 2020", dt.date(2020, 6, 11)),
    ("Jun. 11 2020", dt.date(2020, 6, 11)),
    ("Sept. 3, 2021", dt.date(2021, 9, 3)),
    ("11 June 2020", dt.date(2020, 6, 11)),
    ("11th June, 2020", dt.date(2020, 6, 11)),
    ("Thursday, June 11, 2020", dt.date(2020, 6, 11)),
    ("Thu, 11 Jun 2020 10:00:00 GMT", dt.date(2020, 6, 11)),
    ("2020-02-30", None),
    ("June 2020", None),
    ("yesterday", None),
    ("", None),
])
def test_corpus_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_corpus_parse_date_warns(caplog: pytest.LogCaptureFixture) -> None:
    assert parse_date("soon") is None
    assert "soon" in caplog.text


@pytest.mark.parametrize("text, meta, body", [
    ("---\nsource: A\ntitle: \"T\"\n---\nBody.", {"source": "A", "title": "T"}, "Body."),
    ("Source: Reuters\nDate: 2020-01-02\n\nBody.", {"source": "Reuters",
                                                   "published": "2020-01-02"}, "Body."),
    ("Headline only\n\nBody.", {}, "Headline only\n\nBody."),
    ("The source: a leak.\n\nBody.", {}, "The source: a leak.\n\nBody."),
])
def test_corpus_split_front_matter(text: str, meta: dict, body: str) -> None:
    assert split_front_matter(text) == (meta, body)


@pytest.mark.skipif(not SEEDS.exists(), reason="seed corpus absent")
def test_corpus_seed_articles_smoke() -> None:
    articles, problems = load_articles([SEEDS])
    assert problems == [] and len(articles) == 2
    furniture = re.compile(r"enter your (comment|name)|edited by|let us know|contact page", re.I)
    dropped_first_line = 0
    for art in articles:
        assert art.text and art.source == Path(art.path).stem
        assert art.title == art.text.split("\n")[0]
        lines = [line for line in art.text.split("\n") if line.strip()]
        assert not any(is_furniture(line) or furniture.search(line) for line in lines)
        assert any(furniture.search(line) for line in art.raw.split("\n"))
        raw_first = next(line for line in art.raw.split("\n") if line.strip())
        dropped_first_line += raw_first.strip() != lines[0].strip()
        for claim in split_claims(art):
            assert art.text[claim.start:claim.end] == claim.text
    assert dropped_first_line >= 1  # a leading section label was removed somewhere
