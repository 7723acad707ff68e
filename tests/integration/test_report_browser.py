"""The HTML report in headless Chromium: the charts are drawn (DOM) and the page is not blank (screenshot).

Chromium is Debian's `chromium` package. Without it the test is skipped, unless
PRIVSCAN_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from privscan_tools.reports import render_html

from tests.conftest import REPO_ROOT
from tests.integration.browser import HEADLESS_ARGS, chromium
from tests.unit.reports.dataset import dataset_record

pytestmark = pytest.mark.browser

BARS = {
    "by_rule": [2, 1, 1, 1, 1, 1, 1],
    "by_entity": [3, 1, 1, 1],
    "by_severity": [1, 5, 2, 0],
    "review": [5, 1, 1, 0, 1],
}
HEADER_BLUE, HIGH_ORANGE, MEDIUM_AMBER, ENTITY_BLUE = (31, 58, 95), (217, 72, 15), (232, 163, 23), (31, 111, 235)


def headless(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium(),
        *HEADLESS_ARGS,
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


class ChartBars(HTMLParser):
    """data-rendered and the bars' data-value of every chart root in a DOM dump."""

    def __init__(self):
        super().__init__()
        self.rendered: dict[str, str | None] = {}
        self.values: dict[str, list[int]] = {}
        self.charts_drawn = None
        self._chart = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.charts_drawn = attrs.get("data-charts-drawn")
        if "data-chart" in attrs:
            self._chart = attrs["data-chart"]
            self.rendered[self._chart], self.values[self._chart] = attrs.get("data-rendered"), []
        elif tag == "rect" and attrs.get("class") == "bar" and self._chart:
            self.values[self._chart].append(int(attrs["data-value"]))

    def handle_endtag(self, tag):
        if tag == "figure":
            self._chart = None


def png_pixels(path: Path, rows: int) -> tuple[tuple[int, int], set[tuple[int, int, int]]]:
    """(width, height) and the distinct RGB colours of the first `rows` rows of an 8-bit RGB(A) PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,), kind = struct.unpack(">I", data[position : position + 4]), data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        header = struct.unpack(">IIBBBBB", body) if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert (depth, colour_type in (2, 6), interlace) == (8, True, 0)
    bpp = 3 if colour_type == 2 else 4
    raw, stride, previous, colours = zlib.decompress(idat), width * bpp + 1, bytearray(width * bpp), set()
    for y in range(min(rows, height)):
        kind, line = raw[y * stride], bytearray(raw[y * stride + 1 : (y + 1) * stride])
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        colours.update(tuple(line[x : x + 3]) for x in range(0, len(line), bpp))
        previous = line
    return (width, height), colours


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(dataset_record()), encoding="utf-8")
    return path


def test_charts_are_drawn_in_headless_chromium(page, tmp_path):
    dom = headless(page, tmp_path / "profile", "--dump-dom").stdout
    bars = ChartBars()
    bars.feed(dom)
    assert bars.charts_drawn == "true"
    assert bars.rendered == {name: str(len(values)) for name, values in BARS.items()}
    assert bars.values == BARS
    assert "<img" not in dom and "alert(1)</script>" not in dom  # hostile names stayed text
    assert "datasets/crm/&lt;script&gt;alert(1)&lt;/script&gt;.jsonl" in dom


def test_screenshot_shows_the_drawn_charts(page, tmp_path):
    screenshot = tmp_path / "report.png"
    headless(page, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1280,2000", "--hide-scrollbars")
    build = REPO_ROOT / "build"
    build.mkdir(exist_ok=True)
    shutil.copyfile(screenshot, build / "report-screenshot.png")  # for humans: the README points here
    size, colours = png_pixels(screenshot, rows=800)  # header, figures and the first charts
    assert size == (1280, 2000)
    assert {HEADER_BLUE, HIGH_ORANGE, MEDIUM_AMBER, ENTITY_BLUE} <= colours  # bars in their fill colours
    assert len(colours) > 50  # antialiased text, not a blank page
