"""Furniture removal: what goes, what must stay, and that kept text is verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.clean import clean_text, headline, is_furniture

ARTICLES = Path(__file__).parents[1] / "data" / "articles"

BODY = "The museum reopened on Friday after a two-year renovation, its director said."


@pytest.mark.parametrize("line", [
    "Please enter your comment!",
    "Please enter your name here",
    "Leave a reply",
    "Leave a Comment",
    "Post a comment",
    "Cancel reply",
    "12 Comments",
    "You must be logged in to post a comment.",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Article Edited by | Tom Q |",
    "Edited by Sara Vance",
    "Written by the news desk",
    "Reporting by Ann Lee; Editing by Bo Park",
    "(Reporting by Ann Lee in Oslo; Additional reporting by Kim Ode)",
    "By Jane Doe",
    "BY JOHN ROE, Staff Writer",
    "if you find any mistakes in this story please let us know",
    "we hope you like it, if you spot any inappropriate words let us know on our contact page",
    "Spotted an error? Let us know.",
    "Share this article",
    "Share on Facebook",
    "SHARE:",
    "Follow us on Instagram",
    "Subscribe to our newsletter",
    "Sign up for daily updates",
    "Read more: Town hall plans unveiled",
    "See also",
    "Related Articles",
    "Related: Harbour plan approved",
    "You may also like",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below",
    "Click here to get the app",
    "We use cookies to improve your experience.",
    "This website uses cookies.",
    "By continuing to browse this site you agree to our use of cookies.",
    "Accept all cookies",
    "Cookie policy",
    "© 2024 Example Media Ltd",
    "Copyright 2023 Some Publisher. All rights reserved.",
    "  Leave a reply  ",
])
def test_clean_furniture_lines_removed(line: str) -> None:
    assert is_furniture(line)
    assert clean_text(f"{BODY}\n\n{line}\n\n{BODY}") == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize("line", [
    "Readers left hundreds of comments under the post, the editor said.",
    "The minister declined to comment on the report.",
    "Shares of the bakery chain fell 4% on Monday.",
    "Share prices recovered later in the week.",
    "The firm will share its data with regulators by June.",
    "Follow-up talks are planned for next month.",
    "Subscribers to the service rose to 2 million.",
    "Copyright lawsuits against the studio doubled last year.",
    "The company uses cookies to track users, regulators said.",
    "By the time police arrived, the crowd had gone.",
    "By 2030 the city wants all buses to be electric.",
    "Related companies were also fined, the court said.",
    "He was edited out of the final cut, the producer said.",
    "Reporting by the local paper first revealed the leak in May.",
    "Click fraud cost advertisers $3 billion, the study found.",
    "The advertisement ran in 12 newspapers last week.",
    BODY,
])
def test_clean_real_sentences_kept(line: str) -> None:
    assert not is_furniture(line)
    assert clean_text(f"{BODY}\n\n{line}") == f"{BODY}\n\n{line}"


@pytest.mark.parametrize("label", ["World News", "Business", "COVID-19 Cases", "US Politics",
                                   "Tech & Science"])
def test_clean_leading_section_label_dropped(label: str) -> None:
    title = "New harbour bridge to close for repairs over the summer"
    text = f"{label}\n\n{title}\n\n{BODY} It will reopen in 2025."
    assert clean_text(text) == f"{title}\n\n{BODY} It will reopen in 2025."
    assert headline(text) == title


@pytest.mark.parametrize("text", [
    # a short title-case headline whose lede repeats its words is a headline, not a label
    "Fire Kills Three\n\nA fire killed three people in Dover on Monday.\n\nIt began at night.",
    # the line after the short one is a whole paragraph, not a headline
    "Budget Passes\n\nThe budget passed 52 to 48. Critics said it cut too much.\n\nMore later.",
    # a short line with sentence punctuation is a sentence
    "Prices rose.\n\nLandlords in the capital raised rents again this year\n\nBy a lot.",
    # not at the top of the article
    "Mayor resigns after two years in office\n\nLocal News\n\nShe said she was tired of it.",
])
def test_clean_short_first_lines_that_are_not_labels_kept(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize("text, expected", [
    ("A.\n\n\n\nB.", "A.\n\nB."),
    ("A.\n\nLeave a reply\n\nB.", "A.\n\nB."),
    ("A.\r\n\r\nB.", "A.\n\nB."),
    ("\n\n  A.  \n\n\n", "A."),
    ("A.\n \n\t\nB.", "A.\n\nB."),
    ("Line one\nline two", "Line one\nline two"),
    ("", ""),
])
def test_clean_whitespace_runs_collapsed(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize("path", sorted(p for p in ARTICLES.glob("*.txt") if p.name[0] != "."))
def test_clean_kept_lines_are_verbatim_and_idempotent(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    raw_lines = set(raw.split("\n"))
    assert all(line in raw_lines for line in cleaned.split("\n") if line)
    assert clean_text(cleaned) == cleaned
    assert "\n\n\n" not in cleaned


@pytest.mark.parametrize("text, expected", [
    ("\n\nFirst line here\nsecond", "First line here"),
    ("Sport\n\nCity win the cup after a late goal at home\n\nThe match ended 2-1.",
     "City win the cup after a late goal at home"),
    ("Share this\n\n  Mayor opens bridge  \n\nIt cost $4m.", "Mayor opens bridge"),
    ("", ""),
])
def test_clean_headline_first_line_after_cleaning(text: str, expected: str) -> None:
    assert headline(text) == expected
