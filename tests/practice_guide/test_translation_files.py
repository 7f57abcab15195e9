"""The interface text's translations (locale/<code>/LC_MESSAGES/django.po) are compiled and committed as .mo
files, as servers may lack gettext: each .mo must say exactly what its .po says."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from portal.languages import SUPPORTED

LOCALE = Path(settings.BASE_DIR) / "locale"
_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (".*")$')


def po_entries(path: Path) -> list[tuple[dict, bool]]:
    """Each message in a .po file: its fields (msgctxt, msgid, msgid_plural, msgstr or msgstr[n]) and whether
    it is marked fuzzy. The header and messages no longer used (#~) are left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, key, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#"):
                continue
            elif found := _LINE.match(line):
                key = found.group(1)
                fields[key] = ast.literal_eval(found.group(3))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append((fields, fuzzy))
    return entries


def _translations(fields: dict) -> list[str]:
    return [value for name, value in sorted(fields.items()) if name.startswith("msgstr")]


def po_catalog(path: Path) -> dict:
    """What compiling the .po gives, as Python's gettext module reads a .mo: {msgid: msgstr}, with
    "context\\x04msgid" for a message with a context and (msgid, n) for each plural form. Untranslated and fuzzy
    messages are left out, as msgfmt leaves them out."""
    catalog = {}
    for fields, fuzzy in po_entries(path):
        if fuzzy or not all(_translations(fields)):
            continue
        msgid = fields["msgid"]
        if "msgctxt" in fields:
            msgid = f"{fields['msgctxt']}\x04{msgid}"
        if "msgid_plural" in fields:
            catalog.update(
                {(msgid, int(name[7:-1])): value for name, value in fields.items() if name.startswith("msgstr[")}
            )
        else:
            catalog[msgid] = fields["msgstr"]
    return catalog


@pytest.mark.parametrize("code", sorted(SUPPORTED))
def test_each_mo_file_is_compiled_from_its_po_file(code):
    po = LOCALE / code / "LC_MESSAGES" / "django.po"
    with (LOCALE / code / "LC_MESSAGES" / "django.mo").open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    in_mo = {key: value for key, value in mo._catalog.items() if key != ""}  # "" is the header
    assert in_mo == po_catalog(po), (
        f"locale/{code}: the .mo is not compiled from the .po. "
        "Run DEBUG=true .venv/bin/python manage.py compilemessages and commit the .mo."
    )


@pytest.mark.parametrize("code", sorted(SUPPORTED))
def test_every_message_is_translated(code):
    entries = po_entries(LOCALE / code / "LC_MESSAGES" / "django.po")
    missing = [fields["msgid"] for fields, fuzzy in entries if fuzzy or not all(_translations(fields))]
    assert not missing, f"locale/{code}: {len(missing)} messages untranslated or fuzzy: {missing}"
