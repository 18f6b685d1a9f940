"""Stage 1: load articles from files and folders (txt, md, html, json, jsonl, csv).

A path that cannot be used becomes a :class:`~consistency.types.Problem` and
the run goes on with the rest::

    >>> articles, problems = load_articles(["corpus/", "extra/story.html"])  # doctest: +SKIP

Each article's ``text`` is the cleaned body (see :mod:`consistency.clean`),
``raw`` the body before cleaning.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from consistency.clean import clean_text, headline
from consistency.errors import InputError
from consistency.types import Article, Problem, stable_id

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
RECORD_EXTENSIONS = frozenset({".json", ".jsonl", ".csv"})
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | RECORD_EXTENSIONS

_FIELDS = ("source", "title", "published", "url", "id")
_ALIASES = {"date": "published", "published_at": "published", "link": "url", "outlet": "source"}


@dataclass(frozen=True)
class Record:
    """One article as read from a file, before cleaning: body text plus metadata fields."""

    text: str
    source: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    id: str = ""
    where: str = ""  # "line 3" / "record 2" / "row 5": where in the file, for problems


# ---------------------------------------------------------------- dates

_MONTHS = {
    name: i
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"), start=1)
    for name in names.split()
}
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b")
_ISO_PREFIX = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b")


def _make_date(year: str, month: int | str | None, day: str) -> dt.date | None:
    if isinstance(month, str):
        month = int(month) if month.isdigit() else _MONTHS.get(month)
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _try_forms(text: str) -> dt.date | None:
    low = re.sub(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", text.strip().lower())
    if m := _ISO_PREFIX.match(low):
        return _make_date(m[1], m[2], m[3])
    if m := _MONTH_DAY_YEAR.match(low):
        return _make_date(m[3], m[1], m[2])
    if m := _DAY_MONTH_YEAR.match(low):
        return _make_date(m[3], m[2], m[1])
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_date(value: str) -> dt.date | None:
    """Parse ISO and common written dates; ``None`` (with a warning) if it cannot.

    Example::

        >>> parse_date("2021-10-18T16:15:00-07:00"), parse_date("11 June 2020")
        (datetime.date(2021, 10, 18), datetime.date(2020, 6, 11))
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    parsed = _try_forms(value)
    if parsed is None:
        log.warning("ignoring a date that could not be read: %r", value)
    return parsed


# ---------------------------------------------------------------- reading files


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (with or without BOM), else cp1252; InputError if neither.

    Line ends are normalised to ``\\n``. An empty file is an InputError too.
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror or e})", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("cannot decode file as UTF-8 or cp1252", str(path)) from None
        log.warning("%s: not UTF-8, read as cp1252", path)
    if not text.strip():
        raise InputError("empty file", str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


_FRONT_MATTER = re.compile(r"^---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", re.DOTALL)
_META_LINE = re.compile(
    r"^(source|title|published|date|url|link|id|outlet)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE
)


def _meta(lines: Sequence[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in lines:
        m = _META_LINE.match(line)
        if m:
            key = m[1].lower()
            meta[_ALIASES.get(key, key)] = m[2].strip().strip("\"'")
    return meta


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a ``---`` block or leading ``key: value`` lines, and the body after it.

    Example::

        >>> split_front_matter("source: Daily Bugle\\ndate: 2020-06-11\\n\\nA fire ...")
        ({'source': 'Daily Bugle', 'published': '2020-06-11'}, 'A fire ...')
    """
    m = _FRONT_MATTER.match(text)
    if m:
        return _meta(m[1].split("\n")), text[m.end() :].lstrip("\n")
    lines = text.split("\n")
    n = 0
    while n < len(lines) and _META_LINE.match(lines[n]):
        n += 1
    if n == 0:
        return {}, text
    return _meta(lines[:n]), "\n".join(lines[n:]).lstrip("\n")


def _markdown_to_text(text: str) -> str:
    """Plain text from light markdown: heading marks, emphasis and link targets removed."""
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", r"\1", text, flags=re.MULTILINE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(\S(?:.*?\S)?)\1", r"\2", text)
    return re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", text)


def _read_plain(path: Path) -> list[Record]:
    meta, body = split_front_matter(read_text(path))
    if path.suffix.lower() in {".md", ".markdown"}:
        body = _markdown_to_text(body)
    fields = {k: v for k, v in meta.items() if k in _FIELDS}
    return [Record(text=body, **fields)]


def _read_html(path: Path) -> list[Record]:
    return [extract_html(read_text(path))]


def _body(value: object) -> str | None:
    """The article body from a ``text``/``body`` field: a string or a list of paragraphs."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
        return "\n\n".join(p.strip() for p in value)
    return None


def record_from_mapping(obj: object, where: str) -> Record:
    """A :class:`Record` from one JSON object / CSV row; InputError naming ``where`` if unusable."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not an object")
    fields = {_ALIASES.get(str(k).strip().lower(), str(k).strip().lower()): v
              for k, v in obj.items()}
    body = _body(fields.get("text")) or _body(fields.get("body"))
    if body is None or not body.strip():
        raise InputError(f"{where}: no article text (expected a 'text' or 'body' field)")
    meta = {k: str(fields[k]).strip() for k in _FIELDS if fields.get(k) not in (None, "")}
    return Record(text=body, where=where, **meta)


def _json_objects(text: str, path: Path) -> Iterator[tuple[str, object]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON (line {e.lineno}: {e.msg})", str(path)) from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, start=1):
        yield f"record {n}", item


def _jsonl_objects(text: str, path: Path) -> Iterator[tuple[str, object]]:
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {n}", json.loads(line)
        except json.JSONDecodeError as e:
            yield f"line {n}", InputError(f"line {n}: invalid JSON ({e.msg})")


def _csv_objects(text: str, path: Path) -> Iterator[tuple[str, object]]:
    csv.field_size_limit(16 * 1024 * 1024)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    if not columns & {"text", "body"}:
        raise InputError("no 'text' or 'body' column", str(path))
    for n, row in enumerate(reader, start=1):
        yield f"row {n}", {k: v for k, v in row.items() if k is not None}


_RECORD_READERS = {".json": _json_objects, ".jsonl": _jsonl_objects, ".csv": _csv_objects}


def _read_records(path: Path, problems: list[Problem]) -> list[Record]:
    reader = _RECORD_READERS[path.suffix.lower()]
    records: list[Record] = []
    n_items = 0
    for where, obj in reader(read_text(path), path):
        n_items += 1
        try:
            if isinstance(obj, InputError):
                raise obj
            records.append(record_from_mapping(obj, where))
        except InputError as e:
            problems.append(Problem(str(path), e.reason))
    if not n_items:
        raise InputError("no records in file", str(path))
    return records


def read_records(path: Path, problems: list[Problem]) -> list[Record]:
    """The records of one file; bad records are appended to ``problems``, the rest returned.

    Raises InputError when the whole file cannot be used (undecodable, empty, bad JSON).
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        return _read_plain(path)
    if suffix in HTML_EXTENSIONS:
        return _read_html(path)
    if suffix in RECORD_EXTENSIONS:
        return _read_records(path, problems)
    raise InputError(f"unknown file type {path.suffix or '(no extension)'!r}", str(path))


# ---------------------------------------------------------------- html

_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_DROP_TAGS = frozenset(
    "script style nav footer aside form noscript iframe svg button select template".split()
)
_BLOCK_TAGS = frozenset(
    """p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre
    table tr figcaption address br hr body""".split()
)
_FURNITURE_NAMES = frozenset(
    """nav navbar navigation menu share sharing sharebar social comment comments related
    subscribe subscription newsletter signup cookie cookies consent footer breadcrumb
    breadcrumbs sidebar advert advertisement ad ads promo popup modal""".split()
)
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary"})
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date",
)
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "parsely-author")


class _Node:
    """An element of the parsed page: tag, attributes, children (nodes and text)."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Node | str] = []

    def iter(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            if isinstance(child, _Node):
                yield from child.iter()

    def find_all(self, tag: str) -> list[_Node]:
        return [n for n in self.iter() if n.tag == tag]


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder over the stdlib parser (unclosed tags close with their parent)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k.lower(): v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID_TAGS:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {k.lower(): v or "" for k, v in attrs},
                                           self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _is_furniture_element(node: _Node, in_article: bool) -> bool:
    if node.tag in _DROP_TAGS or (node.tag == "header" and not in_article):
        return True
    if "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if node.attrs.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    names = re.sub(r"([a-z])([A-Z])", r"\1 \2", f"{node.attrs.get('class', '')} "
                                                 f"{node.attrs.get('id', '')}")
    return bool(set(re.split(r"[^a-z0-9]+", names.lower())) & _FURNITURE_NAMES)


def _render(node: _Node, blocks: list[list[str]], in_article: bool = False) -> None:
    """Append the node's visible text to ``blocks``; block elements start new blocks."""
    for child in node.children:
        if isinstance(child, str):
            blocks[-1].append(child)
            continue
        if _is_furniture_element(child, in_article):
            continue
        is_block = child.tag in _BLOCK_TAGS
        if is_block:
            blocks.append([])
        _render(child, blocks, in_article or child.tag == "article")
        if is_block:
            blocks.append([])


def _node_text(node: _Node) -> str:
    """The node's visible text as paragraphs separated by blank lines."""
    blocks: list[list[str]] = [[]]
    _render(node, blocks, node.tag == "article")
    paragraphs = (" ".join("".join(b).split()) for b in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def _content_root(root: _Node) -> _Node:
    """The longest <article>, else <main>, else <body>, else the whole page."""
    articles = root.find_all("article")
    if articles:
        return max(articles, key=lambda n: len(_node_text(n)))
    for tag in ("main", "body"):
        found = root.find_all(tag)
        if found:
            return found[0]
    return root


def _metas(root: _Node) -> dict[str, str]:
    metas: dict[str, str] = {}
    for node in root.find_all("meta"):
        key = (node.attrs.get("property") or node.attrs.get("name")
               or node.attrs.get("itemprop") or "").strip().lower()
        if key and key not in metas and node.attrs.get("content", "").strip():
            metas[key] = node.attrs["content"].strip()
    return metas


def _first(values: Iterator[str] | Sequence[str]) -> str:
    return next((v for v in values if v), "")


def _page_title(root: _Node, content: _Node, metas: dict[str, str]) -> str:
    h1s = content.find_all("h1") or root.find_all("h1")
    titles = root.find_all("title")
    return _first([_node_text(h1s[0]) if h1s else "", metas.get("og:title", ""),
                   " ".join(_node_text(titles[0]).split()) if titles else ""])


def _page_date(root: _Node, content: _Node, metas: dict[str, str]) -> str:
    times = [n.attrs.get("datetime", "") for n in content.find_all("time") + root.find_all("time")]
    return _first([*(metas.get(k, "") for k in _PUBLISHED_META[:2]), *times,
                   *(metas.get(k, "") for k in _PUBLISHED_META[2:])])


def extract_html(html: str) -> Record:
    """The article text and metadata of an HTML page, without navigation and other furniture.

    Example::

        >>> extract_html("<nav>Home</nav><article><h1>Dam opens</h1><p>It cost $2m.</p>"
        ...              "</article>").text
        'Dam opens\\n\\nIt cost $2m.'
    """
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = builder.root
    content = _content_root(root)
    metas = _metas(root)
    text = _node_text(content)
    h1s = content.find_all("h1") or root.find_all("h1")
    title = _page_title(root, content, metas)
    if h1s and title and title not in text.split("\n\n"):
        text = f"{title}\n\n{text}"
    canonical = [n.attrs.get("href", "") for n in root.find_all("link")
                 if "canonical" in n.attrs.get("rel", "").lower().split()]
    return Record(
        text=text, title=title,
        source=_first([metas.get("og:site_name", ""), *(metas.get(k, "") for k in _AUTHOR_META)]),
        published=_page_date(root, content, metas),
        url=_first([*canonical, metas.get("og:url", "")]),
    )


# ---------------------------------------------------------------- articles


def to_article(record: Record, path: str) -> Article:
    """Clean the record's text and fill defaults: source = file stem, title = headline."""
    text = clean_text(record.text)
    source = record.source or Path(path).stem
    title = record.title or headline(text)
    article_id = record.id or stable_id(source, title, text)
    published = parse_date(record.published) if record.published else None
    return Article(id=article_id, source=source, title=title, text=text, path=path,
                   published=published, url=record.url or None, raw=record.text)


def _expand(path: Path) -> Iterator[Path | Problem]:
    """Files under ``path`` (recursive, sorted, hidden and unknown types skipped)."""
    if path.is_file():
        if path.suffix.lower() in KNOWN_EXTENSIONS:
            yield path
        else:
            yield Problem(str(path), f"unknown file type {path.suffix or '(no extension)'!r}")
    elif path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file())
        for p in found:
            hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
            if not hidden and p.suffix.lower() in KNOWN_EXTENSIONS:
                yield p
    else:
        yield Problem(str(path), "no such file or folder")


def _load_file(path: Path) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    try:
        records = read_records(path, problems)
    except InputError as e:
        return [], [*problems, Problem(str(path), e.reason)]
    articles = []
    for record in records:
        article = to_article(record, str(path))
        if article.text:
            articles.append(article)
        else:
            where = f"{record.where}: " if record.where else ""
            problems.append(Problem(str(path), f"{where}no article text left after cleaning"))
    return articles, problems


def load_articles(paths: Sequence[str | Path]) -> tuple[list[Article], list[Problem]]:
    """Load every article under ``paths`` (files or folders), in a deterministic order.

    Never raises for bad input: unreadable files, unknown types, bad records and
    duplicate ids each become a :class:`Problem` and loading goes on.

    Example::

        >>> articles, problems = load_articles(["corpus"])          # doctest: +SKIP
        >>> [a.source for a in articles], [str(p) for p in problems]  # doctest: +SKIP
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for given in paths:
        for item in _expand(Path(given)):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            loaded, bad = _load_file(item)
            problems.extend(bad)
            for article in loaded:
                if article.id in seen:
                    first = seen[article.id]
                    problems.append(Problem(article.path, f"duplicate article (id {article.id}, "
                                                          f"first loaded from {first.path})"))
                    continue
                seen[article.id] = article
                articles.append(article)
    log.info("loaded %d articles, %d problems", len(articles), len(problems))
    return articles, problems
