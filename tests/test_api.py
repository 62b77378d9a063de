"""The public API: errors, detection, options."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse

from .conftest import CORPUS, FIXTURES
from .stripped import renamed

STAFF = (FIXTURES / "japannews" / "staff-byline-photo-subheads.html").read_bytes()


def test_errors_are_parse_errors() -> None:
    for err in (jnparse.InputError, jnparse.DecodeError, jnparse.InputTooLargeError, jnparse.NotAnArticleError,
                jnparse.UnsupportedSiteError, jnparse.ExtraRequiredError):
        assert issubclass(err, jnparse.ParseError)


def test_unknown_site_is_named() -> None:
    with pytest.raises(jnparse.UnsupportedSiteError, match=r"unknown site 'yomiuri-jp'.*japannews"):
        jnparse.parse(STAFF, site="yomiuri-jp")


def test_forcing_the_site_gives_the_same_article() -> None:
    assert jnparse.parse(STAFF, site="japannews") == jnparse.parse(STAFF)


def test_str_and_bytes_give_the_same_article() -> None:
    assert jnparse.parse(STAFF.decode("utf-8")) == jnparse.parse(STAFF)


def test_naive_fetched_time_is_refused() -> None:
    with pytest.raises(jnparse.InputError, match="aware"):
        jnparse.parse(STAFF, fetched=dt.datetime(2025, 1, 1))


def test_json_that_no_site_reads_is_not_an_article() -> None:
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(b'{"hello": "world"}')
    with pytest.raises(jnparse.InputError):
        jnparse.parse(b'{"broken": ')


def test_empty_page_is_an_input_error() -> None:
    with pytest.raises(jnparse.InputError):
        jnparse.parse(b"")
    with pytest.raises(jnparse.InputError):
        jnparse.parse_text("  \n\n ")


def test_known_page_without_article_text_is_not_an_article() -> None:
    page = b'<html><head><meta name="cXenseParse:yoj-articletype" content="free"></head><body></body></html>'
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(page)


def test_missing_fields_degrade_to_warnings() -> None:
    import re

    # no printed date (a date line without its class is still read by what it says), no structured one
    page = re.sub(rb'<p class="postdate">.*?</p>', b"", STAFF, flags=re.S).replace(b"article:published_time", b"x")
    page = page.replace(b"datePublished", b"x")
    article = jnparse.parse(page)
    assert article.published is None
    assert any(w.field == "published" and w.code == "missing" for w in article.warnings)
    assert article.title and article.body


_html_ish = st.lists(
    st.sampled_from(["<p>", "</p>", "<div class='bloc_1'>", "<h1>", "</h1>", "</div>", "<figure>", "<figcaption>",
                     "<span>", "</span>", "<br>", "<script type='application/ld+json'>", "</script>", "{", "}",
                     "<meta property='og:title' content='x'>", "<div id='p-article-block'>", "TOKYO (Kyodo) -- ",
                     "17:41 JST, October 13, 2024", "<p class='byline'>By A / B</p>", "&amp;", "&#0;", "\x00", "日本"])
    | st.text(max_size=20),
    max_size=60,
).map("".join)


@given(_html_ish)
def test_parse_raises_only_jnparse_errors_on_html_ish_input(data: str) -> None:
    for value in (data, data.encode("utf-8", "surrogatepass")):
        try:
            article = jnparse.parse(value)
        except jnparse.ParseError:
            continue
        assert isinstance(article, jnparse.Article)
        assert jnparse.Article.from_dict(article.to_dict()) == article


@given(st.binary(max_size=400))
def test_parse_raises_only_jnparse_errors_on_bytes(data: bytes) -> None:
    with contextlib.suppress(jnparse.ParseError):
        jnparse.parse(data)


@given(st.text(max_size=600))
def test_parse_text_raises_only_jnparse_errors(text: str) -> None:
    try:
        article = jnparse.parse_text(text)
    except jnparse.ParseError:
        return
    for t in (article.published, article.updated):
        assert t is None or t.utcoffset() == dt.timedelta(hours=9)


@given(st.text(alphabet=st.sampled_from("abc/.?#=&%-_ ~:@"), max_size=30))
def test_absolute_links_match_urljoin(path: str) -> None:
    from urllib.parse import urljoin

    from lxml import etree

    from jnparse.page import Page, browser_url

    base = "https://www.japantimes.co.jp/news/2020/02/18/national/x/"
    page = Page(etree.fromstring("<html/>"), url=base)
    href = "/" + path
    try:  # (as a browser resolves it: a space percent-encoded)
        want = browser_url(urljoin(base, href.strip()))
    except ValueError:
        return
    assert page.absolute(href) == want


def test_an_address_without_a_scheme_is_https_on_a_page_without_an_address() -> None:
    from lxml import etree

    from jnparse.page import Page

    page = Page(etree.fromstring("<html/>"))
    assert page.absolute("//twitter.com/intent/tweet?x=1") == "https://twitter.com/intent/tweet?x=1"
    assert page.absolute("/contact-us/") == "/contact-us/"  # (no host to put before it: as the page has it)
    assert page.absolute("///x") == "///x"
    with_base = Page(etree.fromstring("<html/>"), url="http://example.org/a/")
    assert with_base.absolute("//cdn.example.org/p.jpg") == "http://cdn.example.org/p.jpg"  # (the page's scheme)


def test_every_documented_site_has_a_module() -> None:
    ids = {s.id for s in jnparse.sites()}
    assert ids >= {"japannews", "japantimes", "kyodo", "nhk", "mainichi", "asahi", "nikkei", "jiji", "japantoday",
                   "japanforward", "nippon"}
    from jnparse.sites import BUILTIN

    assert "base" not in BUILTIN and len(BUILTIN) == len(set(BUILTIN))


@pytest.mark.parametrize(
    ("head", "site"),
    [
        (b'<link rel="canonical" href="https://www.japantimes.co.jp/news/x/">', "japantimes"),
        (b'<link href="https://www.japantimes.co.jp/news/x/" rel="canonical">', "japantimes"),
        (b'<meta property="og:url" content="https://english.kyodonews.net/news/a.html">', "kyodo"),
        (b'<meta content="https://japannews.yomiuri.co.jp/a/" property="og:url">', "japannews"),
        (b"<link rel=canonical href=https://mainichi.jp/english/articles/x>", "mainichi"),
        (b'<link rel="canonical" href="https://blog.example.org/x/">', None),
        (b"<title>no address</title>", None),
    ],
)
def test_the_site_is_sniffed_from_the_head_bytes(head: bytes, site: str | None) -> None:
    from jnparse.detect import sniff_site

    found = sniff_site(b"<html><head>" + head + b"</head><body><p>x</p></body></html>")
    assert (found.id if found else None) == site


def test_a_tag_with_thousands_of_attributes_is_refused_wherever_it_sits() -> None:
    from jnparse.loading import MAX_ATTRIBUTES

    tag = "<div " + " ".join(f"a{i}='1'" for i in range(MAX_ATTRIBUTES * 5)) + "></div>"
    with pytest.raises(jnparse.InputError, match="attributes"):
        jnparse.parse(f"<html><body>{tag}<p>text</p></body></html>".encode())
    # in the menu of a Japan News page, outside the region its parse is cut to: refused all the same
    page = STAFF
    at = page.index(b">", page.index(b"<body")) + 1
    menu_bomb = page[:at] + tag.encode() + page[at:]
    url = "https://japannews.yomiuri.co.jp/politics/politics-government/20241013-216478/"
    with pytest.raises(jnparse.InputError, match="attributes"):
        jnparse.parse(menu_bomb, url=url)
    assert jnparse.parse(page, url=url).body  # the page without it parses


@pytest.mark.parametrize(
    "attributes",
    [
        pytest.param(" ".join(f"a{i}" for i in range(12_000)), id="without values"),
        pytest.param("/".join(f"a{i}" for i in range(12_000)), id="apart by slashes"),
        pytest.param("".join(f'a{i}="1"' for i in range(12_000)), id="quoted values run together"),
        pytest.param("z='>' " + " ".join(f"a{i}='1'" for i in range(12_000)), id="after a quoted >"),
        pytest.param("z='<x' " + " ".join(f"a{i}" for i in range(12_000)), id="after a quoted <"),
    ],
)
def test_a_tag_with_thousands_of_attributes_is_refused_however_it_writes_them(attributes: str) -> None:
    # each of these took libxml2 seconds before it was refused (an "=" count missed the first two, and a long
    # tag was looked for only up to its first ">", quoted or not)
    with pytest.raises(jnparse.InputError, match="attributes"):
        jnparse.parse(f"<html><body><div {attributes}>x</div><p>text</p></body></html>".encode())


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("<script>for(i=0;i<n;i++){" + " ".join(f"v{i} = v{i} + 1;" for i in range(3000)) + "}</script>",
                     id="a script's loop then a long stretch without >"),
        pytest.param("<SCRIPT>x=a<b;" + "/".join(f"q{i}" for i in range(5000)) + "</SCRIPT>", id="in capitals"),
        pytest.param("<!-- a<b " + " ".join(f"q{i}" for i in range(5000)) + " -->", id="a comment"),
    ],
)
def test_a_less_than_sign_in_a_script_or_comment_is_no_tag_with_thousands_of_attributes(code: str) -> None:
    # the limit looks at the tag around a long stretch without ">"; a "<b" in a script's text opens none
    page = STAFF
    at = page.index(b">", page.index(b"<body")) + 1
    url = "https://japannews.yomiuri.co.jp/politics/politics-government/20241013-216478/"
    assert jnparse.parse(page[:at] + code.encode() + page[at:], url=url).body == jnparse.parse(page, url=url).body


@pytest.mark.parametrize(
    "before",
    [pytest.param("<!-- <script -->", id="after a comment naming a script"),
     pytest.param("<script>var a=1;</script>", id="after a script"),
     pytest.param("<!-->", id="after a comment that ends where it starts"),
     pytest.param("<!-- x --!>", id="after a comment ended by --!>")],
)
def test_a_tag_with_thousands_of_attributes_after_a_script_or_comment_is_refused(before: str) -> None:
    tag = "<div " + " ".join(f"a{i}" for i in range(12_000)) + ">x</div>"
    with pytest.raises(jnparse.InputError, match="attributes"):
        jnparse.parse(f"<html><body>{before}{tag}<p>text</p></body></html>".encode())


def test_tags_up_to_the_attribute_limit_are_read_but_not_a_page_of_them() -> None:
    from jnparse.loading import MAX_ATTRIBUTES

    tag = "<div " + " ".join(f"a{i}='1'" for i in range(MAX_ATTRIBUTES)) + ">x</div>"
    story = "<p>" + "A paragraph of the story. " * 20 + "</p>"
    article = jnparse.parse(f"<html><head><title>T</title></head><body>{tag}{story}</body></html>".encode())
    assert article.body[0].text.startswith("A paragraph of the story.")
    # many such tags cost libxml2 seconds all the same: the page's attributes are counted together
    with pytest.raises(jnparse.InputError, match="too many attributes"):
        jnparse.parse(f"<html><body>{tag * 8}{story}</body></html>".encode())


def test_a_page_without_its_address_is_still_cut_by_its_site_and_reads_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from jnparse import api
    from jnparse.detect import sniff_site

    page = re.sub(rb'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>', b"", STAFF)
    no_name = re.sub(rb'<meta property="og:site_name"[^>]*>', b"", page)
    site = sniff_site(no_name)  # from the title's "&#045; The Japan News"
    assert site is not None and site.id == "japannews"
    cut = jnparse.parse(no_name).to_dict()
    monkeypatch.setattr(api, "sniff_site", lambda data: None)  # no hint: the whole page is parsed
    assert jnparse.parse(no_name).to_dict() == cut


def test_sniffing_reads_og_site_name() -> None:
    from jnparse.detect import sniff_site

    head = b"<html><head><meta property='og:site_name' content='Japan Today'><title>A story</title></head><body>"
    site = sniff_site(head + b"<p>x</p></body></html>")
    assert site is not None and site.id == "japantoday"
    assert sniff_site(b"<html><head><title>A story</title></head><body></body></html>") is None


def test_bytes_that_are_not_utf8_outside_the_cut_region_are_still_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    from jnparse import api

    at = STAFF.index(b">", STAFF.index(b"<body")) + 1
    # cp932 in the menus only, UTF-8 in the article: no one codec reads the page, cut or whole
    page = STAFF[:at] + "<p>メニュー</p>".encode("cp932") + STAFF[at:]
    with pytest.raises(jnparse.DecodeError):
        jnparse.parse(page)
    monkeypatch.setattr(api, "sniff_site", lambda data: None)  # no hint: the whole page is parsed
    with pytest.raises(jnparse.DecodeError):
        jnparse.parse(page)


@pytest.mark.parametrize("site_id", ["mainichi", "nhk", "nippon", "japanforward"])
def test_a_page_cannot_pass_itself_off_as_cut(site_id: str) -> None:
    """The attribute a prune marks its cut with is not one a page can carry: a page that carries the
    attribute's readable part on its body and article reads as it does with no cut at all."""
    import attrs
    from benchmarks.run import at_page_size

    from jnparse.sites import get, register

    from .prune_checks import article

    site = get(site_id)
    assert site is not None
    forged = b' data-jnparse-pruned="0" data-jnparse-pruned-0="0"'
    for path in sorted((FIXTURES / site_id).glob("*.html")):
        page = at_page_size(path.read_bytes())
        assert page is not None
        data = page.replace(b"<body", b"<body" + forged, 1).replace(b"<article", b"<article" + forged, 1)
        cut = article(data)
        register(attrs.evolve(site, prune=None), replace=True)
        try:
            assert cut == article(data), path.name
        finally:
            register(site, replace=True)


@pytest.mark.parametrize(("ending", "warned"), [
    ("</p></article></body></html>", False),
    ("</p></article></BODY></HTML>\n<!-- served in 0.2 s -->", False),
    ("</p></article>", True),  # a download cut short
    ("", True),
])
def test_a_page_without_its_closing_html_tag_is_flagged_as_cut_short(ending: str, warned: bool) -> None:
    page = ("<html><head><title>Harbor Town Opens Fish Market</title></head><body><article>"
            "<h1>Harbor Town Opens Fish Market</h1><div itemprop='articleBody'>"
            "<p>A new fish market opened on Saturday in a small harbor town, the first in forty years there."
            " Stall holders said the first morning sold out before nine o'clock, and more stalls will open."
            " The town council plans a second market day on Wednesdays from next month, officials said.") + ending
    article = jnparse.parse(page.encode(), site="generic")
    assert (("body", "truncated") in {(w.field, w.code) for w in article.warnings}) is warned


def test_a_section_label_swollen_by_broken_markup_is_not_taken() -> None:
    # a <table> left open inside the section label's <span> holds the headline and the story in that span:
    # the label's text is then no label, and the section comes from the next source, with a warning
    page = (FIXTURES / "japannews" / "jiji-wire-dateline.html").read_text(encoding="utf-8")
    label = '<span class="design_1">'
    at = page.index(label) + len(label)
    a = jnparse.parse((page[:at] + "<table>" + page[at:]).encode())
    assert a.section == "Politics & Government"  # JSON-LD articleSection, as the fixture's label prints it
    assert [(w.field, w.code) for w in a.warnings if w.field == "section"] == [("section", "implausible"),
                                                                               ("section", "fallback")]
    assert jnparse.parse(page.encode()).section == "Politics & Government"


_LIST_ITEMS = "".join(
    f"<li><a href='https://japannews.yomiuri.co.jp/politics/politics-government/2024101{i}-2164{i}0/'>"
    f"<h3>Cabinet weighs budget plan for the coming year, part {i}</h3></a></li>" for i in range(8))


@pytest.mark.parametrize(
    ("head", "url"),
    [("<meta property='og:type' content='website'>", "https://japannews.yomiuri.co.jp/politics/"),
     ("<meta property='og:type' content='website'>", "https://english.kyodonews.net/news/japan"),
     ("<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebSite\", \"name\": \"Harbor Daily\"},"
      " {\"@type\": \"CollectionPage\", \"name\": \"News\"}]}</script>", "https://harbor-daily.example/news/")],
    ids=["japannews-og", "kyodo-og", "generic-jsonld"],
)
def test_a_section_page_is_not_an_article(head: str, url: str) -> None:
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Politics - The Japan News</title>{head}</head>"
            f"<body><main><h1>Politics</h1><ul class='list'>{_LIST_ITEMS}</ul></main></body></html>")
    with pytest.raises(jnparse.NotAnArticleError, match="section or list page"):
        jnparse.parse(page.encode(), url=url)


def test_an_article_page_whose_body_is_not_found_is_still_an_article() -> None:
    # og:type article: the page is a story whose markup the reader did not know; a degraded Article, with warnings
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring((FIXTURES / "japannews" / "jiji-wire-dateline.html").read_bytes())
    root.get_element_by_id("p-article-block").drop_tree()  # the story's box, gone in a redesign
    a = jnparse.parse(etree.tostring(root, encoding="utf-8"))
    assert a.title == "Govt to Require Municipalities to Draw Up Evacuation Plans for Foreign Residents"
    assert ("body", "missing") in {(w.field, w.code) for w in a.warnings}


@pytest.mark.parametrize("name", ["japanforward/columnist-university", "japantimes/wp2013-wire-related-gallery",
                                  "japantimes/current-staff-two-writers", "mainichi/kyodo-wire",
                                  "nippon/feature-author"])
def test_a_redesign_that_hides_the_story_from_the_layout_falls_back_to_the_generic_reader(name: str) -> None:
    # the site's rules find nothing (or no layout matches): the page is read as any page is, under its site's
    # id, and says so; every paragraph of the story is still there
    import json

    path = FIXTURES / f"{name}.html"
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    a = jnparse.parse(renamed(path.read_bytes()))
    assert a.site == expected["site"] and a.layout == "generic"
    assert a.title == expected["title"]
    body = [b.text for b in a.body]
    assert all(b["text"] in body for b in expected["body"])
    assert ("layout", "unknown-layout") in {(w.field, w.code) for w in a.warnings}


def test_a_one_paragraph_banner_is_no_story() -> None:
    # the story's box gone, the generic reader would find only the cookie notice: the empty body is kept, and said
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring((FIXTURES / "japannews" / "jiji-wire-dateline.html").read_bytes())
    root.get_element_by_id("p-article-block").drop_tree()
    a = jnparse.parse(etree.tostring(root, encoding="utf-8"))
    assert a.body == () and a.layout == "japannews/wp2022"


@pytest.mark.parametrize("tags", ["premium", "free"])
def test_a_japan_news_page_without_its_article_type_meta_reads_its_paywall_from_the_footer_script(
        tags: str) -> None:
    # the Piano tags sit in a script after the footer, which the cut used to drop: "premium" read as free
    import re

    from .prune_checks import article, whole_page_article

    page = re.sub(rb'<meta name="cXenseParse:yoj-articletype"[^>]*>', b"", STAFF)
    assert b"yoj-articletype" not in page and b"setTags" in page[page.rindex(b"<footer") :]
    page = re.sub(rb'\["setTags", \["[a-z]+"', f'["setTags", ["{tags}"'.encode(), page)
    read = article(page)
    assert isinstance(read, dict) and read["paywalled"] is (tags == "premium")
    assert read == whole_page_article(page)


@pytest.mark.parametrize("name", ["staff-byline-photo-subheads", "premium-paywalled"])
def test_a_japan_news_redesign_keeps_the_byline_and_date_by_their_text(name: str) -> None:
    import json

    path = FIXTURES / "japannews" / f"{name}.html"
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    a = jnparse.parse(renamed(path.read_bytes()))
    assert a.byline is not None and list(a.byline.authors) == expected["byline"]["authors"]
    from lxml import html as lxml_html

    printed = lxml_html.document_fromstring(path.read_bytes()).xpath("//p[contains(@class, 'postdate')]")[0]
    assert a.date_text == " ".join(printed.text_content().split())  # "19:32 JST, June 11, 2025", as printed
    assert ("byline", "fallback") in {(w.field, w.code) for w in a.warnings}


@pytest.mark.parametrize("given", ["https://japannews.yomiuri.co.jp/politics/politics-government/20241013-216478/",
                                   b"https://example.com/story", "saved/page.html", "copy.txt"])
def test_an_address_or_file_name_in_place_of_the_page_says_so(given: str | bytes) -> None:
    with pytest.raises(jnparse.InputError, match=r"not its address|not a file name"):
        jnparse.parse(given)
    if isinstance(given, str):
        with pytest.raises(jnparse.InputError, match=r"not its address|not a file name"):
            jnparse.parse_text(given)


def test_a_path_in_place_of_the_page_says_how_to_read_it() -> None:
    from pathlib import Path

    with pytest.raises(jnparse.InputError, match=r"read_bytes\(\)"):
        jnparse.parse(Path("page.html"))  # type: ignore[arg-type]
    with pytest.raises(jnparse.InputError, match=r"read_text\("):
        jnparse.parse_text(Path("copy.txt"))  # type: ignore[arg-type]
    assert jnparse.parse_text("Harbor ferries resume\nTOKYO -- The ferries ran again on Monday after the storm.",
                              site="generic").body  # a short copy is no file name


def test_a_tree_a_file_or_a_response_in_place_of_the_page_says_what_to_pass() -> None:
    import io

    import lxml.html

    class Response:  # as requests and httpx give it
        status_code = 200
        content = STAFF

    class ScrapyResponse:
        url = "https://japannews.yomiuri.co.jp/"
        body = STAFF

    tree = lxml.html.fromstring(STAFF)
    for passed, hint in [(tree, r"etree\.tostring\(tree\)"), (tree.getroottree(), r"etree\.tostring\(tree\)"),
                         (io.BytesIO(STAFF), r"f\.read\(\)"), (Response(), r"response\.content"),
                         (ScrapyResponse(), r"response\.body\), with url=response\.url")]:
        with pytest.raises(jnparse.InputError, match=hint):
            jnparse.parse(passed)  # type: ignore[arg-type]
    with pytest.raises(jnparse.InputError, match=r"not int$"):
        jnparse.parse(5)  # type: ignore[arg-type]


def test_a_text_copy_given_to_parse_and_a_page_given_to_parse_text_say_which_to_use() -> None:
    copy = ("Harbor ferries resume\nFUKUOKA (Kyodo) -- The ferries ran again on Monday after three days of "
            "storms.\nCrews checked the piers at dawn.")
    for text in (copy, copy.encode()):
        with pytest.raises(jnparse.InputError, match=r"no HTML markup: .*use parse_text\(\)"):
            jnparse.parse(text)
    assert jnparse.parse_text(copy).agency == "Kyodo"
    page = STAFF.decode("utf-8")
    for html in (page, "\ufeff  " + page, '<?xml version="1.0"?>\n<html lang="en"><body><p>x</p></body></html>'):
        with pytest.raises(jnparse.InputError, match=r"page's HTML: use parse\(\)"):
            jnparse.parse_text(html)
    # a copy that only mentions markup is a copy, and a page fragment is still HTML for parse()
    assert jnparse.parse_text("Tags <b> and <i> return\n" + copy.split("\n", 1)[1]).body
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse("<p></p>")


def _own_site(data: bytes) -> str | None:
    from jnparse.detect import site_for_url
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    page = Page(parse_bytes(data))
    site = site_for_url(page.canonical) or site_for_url(page.meta_value("og:url"))
    return site.id if site is not None else None


_SITE_URLS = {
    "japannews": "https://japannews.yomiuri.co.jp/politics/politics-government/20240101-100000/",
    "japantimes": "https://www.japantimes.co.jp/news/2024/01/01/japan/story/",
}
_WRONG_URL_PAGES = [p for p in sorted(FIXTURES.glob("*/*.html")) + sorted(CORPUS.glob("*/*.html"))
                    if _own_site(p.read_bytes()) is not None]


@pytest.mark.parametrize("path", _WRONG_URL_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_given_another_sites_address_is_read_by_its_own(path: Path) -> None:
    # the caller's address names one of our sites, the page's canonical another, whose markup it carries
    data = path.read_bytes()
    own = _own_site(data)
    wrong = _SITE_URLS["japantimes" if own == "japannews" else "japannews"]
    try:
        right = jnparse.parse(data).to_dict()
    except jnparse.NotAnArticleError as e:  # (an expired story: the same error, whatever the address)
        with pytest.raises(jnparse.NotAnArticleError, match=str(e)[:20]):
            jnparse.parse(data, url=wrong)
        return
    got = jnparse.parse(data, url=wrong)
    assert ("site", "disagree") in {(w.field, w.code) for w in got.warnings}
    d = got.to_dict()
    assert [w for w in d.pop("warnings") if w["code"] != "disagree"] == right.pop("warnings")
    assert d == right


def test_parse_from_many_threads_reads_as_from_one() -> None:
    # a fetcher's thread pool parsing as pages arrive: every reading as the serial one
    from concurrent.futures import ThreadPoolExecutor

    pages = sorted(FIXTURES.glob("*/*.html")) + sorted(FIXTURES.glob("*/*.txt"))

    def read(path: Path) -> object:
        try:
            if path.suffix == ".txt":
                return jnparse.parse_text(path.read_text(encoding="utf-8")).to_dict()
            return jnparse.parse(path.read_bytes()).to_dict()
        except jnparse.ParseError as e:
            return type(e).__name__

    serial = [read(p) for p in pages]
    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(read, pages * 3)) == serial * 3


@pytest.mark.parametrize(("base", "expected"), [
    ("https://cdn.example/news/", ["https://cdn.example/news/photo.jpg", "https://cdn.example/img/wide.jpg"]),
    ("/archive/2024/", ["https://www.japantimes.co.jp/archive/2024/photo.jpg", "https://www.japantimes.co.jp/img/wide.jpg"]),
    (None, ["https://www.japantimes.co.jp/news/2024/01/01/national/story/photo.jpg",
           "https://www.japantimes.co.jp/img/wide.jpg"]),
])
def test_relative_addresses_are_read_against_the_pages_base(base: str | None, expected: list[str]) -> None:
    # a <base href> sets what relative links and images mean (as in a browser); without one, the page's address
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    head = f"<base href='{base}'>" if base else ""
    src = f"<html><head>{head}</head><body><img src='photo.jpg'><img src='/img/wide.jpg'></body></html>".encode()
    page = Page(parse_bytes(src), url="https://www.japantimes.co.jp/news/2024/01/01/national/story/", source=src)
    assert [page.absolute(img.get("src")) for img in page.root.iter("img")] == expected


_JN_PAGES = [p for p in sorted((FIXTURES / "japannews").glob("*.html")) + sorted((CORPUS / "japannews").glob("*.html"))
             if b"p-article-block" in p.read_bytes()]


@pytest.mark.parametrize("path", _JN_PAGES, ids=lambda p: p.stem)
def test_a_redesign_that_hides_the_story_keeps_what_the_layout_read(path: Path) -> None:
    # the article block, the date line and the byline renamed: The Japan News' rules find the header's fields
    # (the printed byline, the meta times) but no story, which the generic reader finds; the Article has both
    data = path.read_bytes()
    changed = data
    for mark in (b"p-article-block", b"postdate", b"byline"):
        changed = changed.replace(mark, mark[:2] + b"zz" + mark[2:])
    before, after = jnparse.parse(data), jnparse.parse(changed)
    for field in ("site", "title", "section", "published", "updated", "byline", "paywalled"):
        assert getattr(after, field) == getattr(before, field), field
    # (a premium story's preview too: a layout that found no article block has no say in its story)
    assert ("layout", "unknown-layout") in {(w.field, w.code) for w in after.warnings}
    assert after.paragraphs[-1] == before.paragraphs[-1]
