"""The translation catalogues stay complete and the templates stay translatable.

docs/decisions/0004-languages.md: bokmål first, nynorsk and English complete. These tests fail when
a catalogue has an untranslated or fuzzy entry, a placeholder that does not match its source, a
msgid the code no longer uses or a string the code uses but the catalogue lacks, or when a
template shows text outside a translation tag. The fix is nearly always:

    make makemessages   # then translate the new entries in locale/nb and locale/nn
    make messages
"""

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from partnerskap.core.templatetags.norsk import dato, kr, tall

SRC = Path(settings.BASE_DIR)
LOCALE = SRC / "locale"
# The project's catalogue and one per app that keeps its own (src/partnerskap/<app>/locale).
LOCALES = [LOCALE, *sorted(SRC.glob("*/locale"))]
NORWEGIAN = ("nb", "nn")
LANGUAGES = ("nb", "nn", "en")


# --- a small .po parser (standard library only) -----------------------------------------------


@dataclass
class Entry:
    msgid: str
    line: int
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    path: Path | None = None


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"not a quoted PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """Every entry of a catalogue, the header (msgid "") included, in file order."""
    entries: list[Entry] = []
    current: Entry | None = None
    flags: set[str] = set()
    key: tuple[str, int] | None = None
    obsolete = False

    def finish() -> None:
        nonlocal current, flags, obsolete
        if current is not None:
            current.flags, current.obsolete, current.path = flags, obsolete, path
            entries.append(current)
        current, flags, obsolete = None, set(), False

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].strip()
        if not line:
            finish()
            key = None
            continue
        if line.startswith("#,"):
            if current is not None and current.msgstr:
                finish()
            flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line)
        if match:
            keyword, index, value = (
                match.group(1),
                int(match.group(2) or 0),
                _unquote(match.group(3)),
            )
            if keyword in ("msgctxt", "msgid") and current is not None and current.msgstr:
                finish()
            if current is None:
                current = Entry(msgid="", line=number)
            if keyword == "msgctxt":
                current.msgctxt = value
            elif keyword == "msgid":
                current.msgid, current.line = value, number
            elif keyword == "msgid_plural":
                current.msgid_plural = value
            else:
                current.msgstr[index] = value
            key = (keyword, index)
        elif line.startswith('"') and current is not None and key is not None:
            value = _unquote(line)
            keyword, index = key
            if keyword == "msgctxt":
                current.msgctxt = (current.msgctxt or "") + value
            elif keyword == "msgid":
                current.msgid += value
            elif keyword == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + value
            else:
                current.msgstr[index] += value
        else:
            raise ValueError(f"{path}:{number}: cannot parse {raw!r}")
    finish()
    return entries


def catalogue(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / "django.po"


def catalogues(lang: str) -> list[Path]:
    return [catalogue(lang, locale) for locale in LOCALES]


def messages(lang: str, locale: Path | None = None) -> list[Entry]:
    """The translatable entries of one catalogue (or all of a language's): no header, no
    obsolete entries."""
    paths = catalogues(lang) if locale is None else [catalogue(lang, locale)]
    return [e for path in paths for e in parse_po(path) if e.msgid and not e.obsolete]


def header(path: Path) -> dict[str, str]:
    first = parse_po(path)[0]
    assert first.msgid == "", f"{path} does not start with its header"
    return dict(line.split(": ", 1) for line in first.msgstr[0].splitlines() if ": " in line)


def key(entry: Entry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


# Python's %(name)s, %s, %d (never %%) and str.format's {name}: what must survive translation.
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdiful]|%[-#0 +]*\d*(?:\.\d+)?[sdiful]|\{\w*\}"
)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


# --- the catalogues are complete ----------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_header(lang, locale):
    path = catalogue(lang, locale)
    fields = header(path)
    assert fields.get("Language") == lang
    assert fields.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert fields.get("Content-Type") == "text/plain; charset=UTF-8"
    assert "fuzzy" not in parse_po(path)[0].flags, f"the header of {path} is fuzzy"


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_every_entry_is_translated_and_not_fuzzy(lang):
    entries = messages(lang)
    assert len(entries) > 100, "the catalogue looks empty: run make makemessages"
    problems = []
    for e in entries:
        where = f"{e.path.relative_to(SRC.parent.parent)}:{e.line} {e.msgid!r}"
        if "fuzzy" in e.flags:
            problems.append(f"{where}: fuzzy")
        forms = 2 if e.msgid_plural is not None else 1
        for index in range(forms):
            if not e.msgstr.get(index, "").strip():
                problems.append(f"{where}: msgstr[{index}] is empty")
    assert not problems, f"{len(problems)} untranslated or fuzzy entries:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    problems = []
    for e in messages(lang):
        for index, text in e.msgstr.items():
            if not text:
                continue  # English falls back to the msgid
            source = e.msgid if index == 0 or e.msgid_plural is None else e.msgid_plural
            expected, found = placeholders(source), placeholders(text)
            if expected != found:
                problems.append(
                    f"{lang}:{e.line} {e.msgid!r}: expected {sorted(expected)}, "
                    f"msgstr[{index}] has {sorted(found)}"
                )
    assert not problems, "placeholders differ:\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", LOCALES, ids=lambda p: p.parent.name)
def test_norwegian_and_english_catalogues_have_the_same_entries(locale):
    english = {key(e) for e in messages("en", locale)}
    for lang in NORWEGIAN:
        theirs = {key(e) for e in messages(lang, locale)}
        assert theirs == english, (
            f"{locale}: {lang} and en differ (run make makemessages): "
            f"only in {lang}: {sorted(theirs - english)}; only in en: {sorted(english - theirs)}"
        )


def test_english_entries_fall_back_to_the_msgid():
    """Source strings are English: an English msgstr only hides a msgid that should be fixed."""
    overridden = [e.msgid for e in messages("en") if any(e.msgstr.values())]
    assert not overridden, (
        "these English msgstrs differ from their msgid; fix the source string instead:\n"
        + "\n".join(overridden)
    )


def test_money_reads_kr_in_norwegian():
    for lang in NORWEGIAN:
        entry = next(e for e in messages(lang) if e.msgid == "NOK %(amount)s")
        assert entry.msgstr[0] == "kr %(amount)s", lang


MSGFMT = shutil.which("msgfmt")


@pytest.mark.parametrize("locale", LOCALES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(lang, locale):
    assert MSGFMT, "gettext's msgfmt is missing: `make test` installs it (make system-deps)"
    result = subprocess.run(  # noqa: S603 - our own catalogue, a fixed argument list
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(catalogue(lang, locale))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    if lang in NORWEGIAN:
        assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics


@pytest.mark.parametrize("locale", LOCALES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_is_up_to_date(lang, locale):
    """The .mo that Django reads says what the .po says (else: make messages)."""
    compiled = catalogue(lang, locale).with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run make messages"
    with compiled.open("rb") as fp:
        mo = gettext.GNUTranslations(fp)
    stale = []
    for e in messages(lang, locale):
        if e.msgid_plural is not None or "fuzzy" in e.flags or not e.msgstr.get(0):
            continue
        compiled_text = (
            mo.gettext(e.msgid) if e.msgctxt is None else mo.pgettext(e.msgctxt, e.msgid)
        )
        if compiled_text != e.msgstr[0]:
            stale.append(e.msgid)
    assert not stale, f"{compiled} is older than its .po (run make messages): {stale[:5]}"


# --- the catalogues are in sync with the code ----------------------------------------------------


def test_catalogue_has_every_string_the_code_uses(tmp_path, monkeypatch):
    """Run makemessages on a copy of the source tree and compare its msgids with ours."""
    copy = tmp_path / "partnerskap"
    shutil.copytree(
        SRC,
        copy,
        ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.pyc", "*.mo"),
    )
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["en"], no_obsolete=True, no_location=True, verbosity=0)
    used = {
        key(e) for e in parse_po(copy / "locale" / "en" / "LC_MESSAGES" / "django.po") if e.msgid
    }
    for lang in LANGUAGES:
        ours = {key(e) for e in messages(lang)}
        missing, unused = used - ours, ours - used
        assert not missing, (
            f"strings in the code but not in the {lang} catalogue (run make makemessages and "
            f"translate them): {sorted(m for _, m in missing)}"
        )
        assert not unused, (
            f"strings in the {lang} catalogue that the code no longer uses (run make "
            f"makemessages): {sorted(m for _, m in unused)}"
        )


# --- templates show no text outside translation tags -------------------------------------------

# Names that are the same in every language.
ALLOWED_WORDS = re.compile(r"\b(?:Partnerskap|NAV|API)\b")
# Attributes a person sees or hears (screen readers); other attributes are code.
VISIBLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# Files under templates/ that are not markup: their content is code, like <style> and <script>.
NOT_MARKUP = {".css", ".js", ".json"}

_DJANGO_COMMENT = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}", re.DOTALL)
_SHORT_COMMENT = re.compile(r"{#.*?#}")
_BLOCKTRANSLATE = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.DOTALL
)
_DJANGO_TAG = re.compile(r"{%.*?%}", re.DOTALL)
_DJANGO_VARIABLE = re.compile(r"{{.*?}}", re.DOTALL)
_LITERAL_DEFAULT = re.compile(r"\|default(?:_if_none)?:(?:\"([^\"]*)\"|'([^']*)')")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z!](?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_ATTRIBUTE = re.compile(
    r"(?<![\w-])(" + "|".join(VISIBLE_ATTRIBUTES) + r")\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")


def _blank(text: str, pattern: re.Pattern) -> str:
    """Replace every match by spaces, keeping newlines, so offsets and line numbers hold."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _has_words(text: str) -> bool:
    text = ALLOWED_WORDS.sub("", _ENTITY.sub("", text))
    return any(char.isalpha() for char in text)


def untranslated_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for every piece of visible text outside a translation tag."""

    def line_of(offset: int) -> int:
        return source.count("\n", 0, offset) + 1

    found: list[tuple[int, str]] = []
    text = source
    for pattern in (_DJANGO_COMMENT, _SHORT_COMMENT, _BLOCKTRANSLATE):
        text = _blank(text, pattern)
    for variable in _DJANGO_VARIABLE.finditer(text):
        for literal in _LITERAL_DEFAULT.finditer(variable.group(0)):
            value = literal.group(1) if literal.group(1) is not None else literal.group(2)
            if _has_words(value):
                found.append((line_of(variable.start()), f"default:{value!r}"))
    for pattern in (_DJANGO_TAG, _DJANGO_VARIABLE, _SCRIPT_OR_STYLE, _HTML_COMMENT):
        text = _blank(text, pattern)
    for tag in _HTML_TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(tag.group(0)):
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            if _has_words(value):
                found.append(
                    (
                        line_of(tag.start() + attribute.start()),
                        f"{attribute.group(1)}={value.strip()!r}",
                    )
                )
    text = _blank(text, _HTML_TAG)
    for piece in re.finditer(r"\S+(?:[ \t]+\S+)*", text):
        if _has_words(piece.group(0)):
            found.append((line_of(piece.start()), piece.group(0)))
    return sorted(found)


def template_files() -> list[Path]:
    return sorted(
        path
        for path in SRC.glob("*/templates/**/*")
        if path.is_file() and path.suffix not in NOT_MARKUP
    )


def test_the_template_lint_finds_untranslated_text():
    source = (
        "{% load i18n %}{% comment %}Not shown{% endcomment %}{# nor this #}\n"
        "<nav aria-label=\"{% translate 'Pages' %}\">"
        '<a title="Hjem" href="/">{% translate "Home" %}</a></nav>\n'
        '<p class="intro">{% blocktranslate trimmed with n=count %}'
        "{{ n }} items{% endblocktranslate %}</p>\n"
        "<script>const label = 'not text';</script><style>p::after { content: 'x'; }</style>\n"
        "<h1>Partnerskap – NAV &amp; API: 1 130&nbsp;kr</h1>\n"
        '<p>Opening hours</p><img alt="" src="x.png"><input placeholder=\'Søk\'>\n'
        '<dd>{{ office.phone|default:"ingen" }}{{ office.fax|default:"–" }}</dd>\n'
    )
    assert untranslated_text(source) == [
        (2, "title='Hjem'"),
        (5, "Partnerskap – NAV &amp; API: 1 130&nbsp;kr"),
        (6, "Opening hours"),
        (6, "placeholder='Søk'"),
        (7, "default:'ingen'"),
    ]


def test_templates_have_no_text_outside_translation_tags():
    files = template_files()
    assert files, "no templates found"
    problems = [
        f"{path.relative_to(SRC.parent.parent)}:{line}: {text}"
        for path in files
        for line, text in untranslated_text(path.read_text(encoding="utf-8"))
    ]
    assert not problems, (
        "visible text outside {% translate %} / {% blocktranslate %}:\n" + "\n".join(problems)
    )


# --- pages render in the chosen language ----------------------------------------------------------

KNOWN = {
    "nb": ["Åpningstider", "Endringslogg", "Hopp til hovedinnholdet", "Logg ut"],
    "nn": ["Opningstider", "Endringslogg", "Hopp til hovudinnhaldet", "Logg ut"],
    "en": ["Opening hours", "Change log", "Skip to main content", "Log out"],
}
KNOWN_ON_DETAIL = {
    "nb": ["Eiere", "Personer og roller", "NAV-leder", "Mandag"],
    "nn": ["Eigarar", "Personar og roller", "NAV-leiar", "Måndag"],
    "en": ["Owners", "People and roles", "NAV leader", "Monday"],
}
KNOWN_ON_LOGIN = {
    "nb": ["Logg inn i Partnerskap"],
    "nn": ["Logg inn i Partnerskap", "Brukarnamn"],
    "en": ["Log in to Partnerskap", "Username"],
}
# Common bokmål words from our catalogue: none may show on an English page.
BOKMAL = [
    "Åpningstider",
    "Eiere",
    "Endringslogg",
    "Hopp til hovedinnholdet",
    "Hovedmeny",
    "Logg ut",
    "Logg inn",
    "Forside",
    "Kommuner",
    "Fylker",
    "Gyldig",
    "Personer og roller",
    "NAV-leder",
    "Mandag",
    "Merknad",
    "Endre",
    "Bytt språk",
    "Brukernavn",
    "Passord",
]
# Bokmål forms that nynorsk spells differently: none may show on a nynorsk page.
BOKMAL_ONLY = [
    "Åpningstider",
    "Eiere",
    "Hopp til hovedinnholdet",
    "Hovedmeny",
    "Forside",
    "Kommuner",
    "Fylker",
    "Personer",
    "NAV-leder",
    "Mandag",
    "Bytt språk",
    "Navn",
    "ikke",
    "Hvem",
    "Hva",
    "Tjenesteområde",
    "Velkommen",
    "Brukernavn",
    "ingen endringer",
    "Endret",
    "Opprettet",
]
LANGUAGE_SWITCHER = ["Norsk (bokmål)", "Norsk (nynorsk)", "English"]


@pytest.fixture
def pages(world, client, settings):
    """The pages to check, by name, with the client signed in as Ørland's NAV leader."""
    settings.SECURE_SSL_REDIRECT = False
    client.force_login(world.nav_leader)
    return {
        "partnership_detail": reverse("registry:partnership_detail", args=[world.orland.pk]),
        "office_detail": reverse("registry:office_detail", args=[world.orland_office.pk]),
        "partnership_list": reverse("registry:partnership_list"),
    }


def _get(client, url, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(url)
    assert response.status_code == 200, (url, lang, response.status_code)
    return response.content.decode()


def _words(html: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", html)]


def _assert_in_language(html: str, lang: str, expected: list[str], where: str) -> None:
    assert f'<html lang="{lang}">' in html, f"{where} in {lang}: wrong <html lang>"
    missing = [w for w in expected + LANGUAGE_SWITCHER if w not in html]
    assert not missing, f"{where} in {lang} lacks {missing}"
    if lang == "en":
        stray = _words(html, BOKMAL)
        assert not stray, f"{where} in English shows bokmål: {stray}"
    elif lang == "nn":
        stray = _words(html, BOKMAL_ONLY)
        assert not stray, f"{where} in nynorsk shows bokmål forms: {stray}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_signed_in_pages_render_in_the_chosen_language(pages, client, lang):
    for name, url in pages.items():
        html = _get(client, url, lang)
        expected = list(KNOWN[lang][2:])
        if name == "partnership_detail":
            expected += KNOWN[lang][:2] + KNOWN_ON_DETAIL[lang]
        elif name == "office_detail":
            expected += KNOWN[lang][:2] + KNOWN_ON_DETAIL[lang][3:]
        _assert_in_language(html, lang, expected, name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_login_page_renders_in_the_chosen_language(db, client, settings, lang):
    settings.SECURE_SSL_REDIRECT = False
    html = _get(client, reverse("login"), lang)
    _assert_in_language(html, lang, KNOWN_ON_LOGIN[lang] + KNOWN[lang][2:3], "login")


def test_every_word_the_page_tests_look_for_is_in_our_catalogues():
    """The word lists above come from the catalogues; a renamed string must update them too."""
    translated = {
        lang: {s for e in messages(lang) for s in e.msgstr.values()} for lang in NORWEGIAN
    }
    english = {e.msgid for e in messages("en")}
    for lang, words in (
        ("nb", KNOWN["nb"] + KNOWN_ON_DETAIL["nb"][:3]),
        ("nn", KNOWN["nn"] + KNOWN_ON_DETAIL["nn"][:3]),
    ):
        assert set(words) <= translated[lang], set(words) - translated[lang]
    assert set(KNOWN["en"] + KNOWN_ON_DETAIL["en"][:3]) <= english


# --- Norwegian numbers, money and dates ----------------------------------------------------------

NBSP = "\xa0"  # formats/nb and formats/nn group thousands with a no-break space, never a space


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_norwegian_number_money_and_date_formats(lang):
    with translation.override(lang):
        assert tall(1130) == f"1{NBSP}130"
        assert tall(1234567.5, 1) == f"1{NBSP}234{NBSP}567,5"
        assert kr(1000000) == f"kr 1{NBSP}000{NBSP}000,00"
        assert kr(None) == "" and tall(None) == ""
        assert dato(date(2018, 11, 12)) == "12.11.2018"


def test_english_keeps_norwegian_dates_and_says_nok():
    with translation.override("en"):
        assert kr(1000000) == "NOK 1,000,000.00"
        assert dato(date(2018, 11, 12)) == "12.11.2018"


# --- language names ----------------------------------------------------------------------------


def test_language_switcher_names_each_language_in_itself():
    from django.utils.translation import get_language_info

    names = [get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES]
    assert [name[0].upper() + name[1:] for name in names] == LANGUAGE_SWITCHER
