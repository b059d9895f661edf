"""Read documents back with the tools a reader would use: poppler for PDF, LibreOffice for DOCX.

A missing tool fails the test instead of skipping it: `make test` installs both, and a document
nobody checked is worse than a red test."""

import shutil
import subprocess
from pathlib import Path

import pytest


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: `make browser-deps` installs poppler and LibreOffice")
    return path


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603
        [require("pdftotext"), "-enc", "UTF-8", str(source), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode()


def pdf_metadata(pdf: bytes, tmp_path: Path) -> str:
    """The XMP packet, where PDF/A declares its part and conformance."""
    source = tmp_path / "metadata.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603
        [require("pdfinfo"), "-meta", str(source)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode()


def pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603
        [require("pdffonts"), str(source)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode()


def docx_text(docx: bytes, tmp_path: Path, profile: Path) -> str:
    """The text LibreOffice reads from the file. Its own profile directory per test session:
    two soffice processes sharing a profile block each other."""
    source = tmp_path / "document.docx"
    source.write_bytes(docx)
    subprocess.run(  # noqa: S603
        [
            require("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return (tmp_path / "document.txt").read_text(encoding="utf-8-sig")


@pytest.fixture(scope="session")
def office_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice profile per test session: creating one costs seconds, and concurrent
    test runs sharing one would block each other."""
    return tmp_path_factory.mktemp("libreoffice-profile")
