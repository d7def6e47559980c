"""The web view in a real browser: ``vanban serve`` on the seeds, driven with headless
Chromium through search -> document -> cited decree -> its citers.

Screenshots go to ``$VANBAN_SCREENSHOTS`` when set (docs/screenshot.png is made that
way), else to the test's temporary folder.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from vanban.load import load

from .conftest import ROOT, SEEDS
from .test_status import FILES as CHAIN_FILES

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=vi",
)
SERVER_START = 60  # seconds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# A replacement chain beside the seeds: a decree, the decree that replaces it from
# 2022-04-01, and a plan of 2023 that still rests on the replaced one.
CHAIN = {"decree.txt": CHAIN_FILES["decree.txt"], "replacing.txt": CHAIN_FILES["replacing.txt"],
         "plan_after.txt": CHAIN_FILES["plan_after.txt"]}


@pytest.fixture(scope="module")
def served_db(tmp_path_factory) -> Path:
    """A database loaded from the seeds and the chain."""
    folder = tmp_path_factory.mktemp("web")
    for name, text in CHAIN.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "seeds.db"
    files = [str(p) for p in SEEDS] + [str(folder / name) for name in CHAIN]
    assert load(files, db, workers=0, progress=False).errors == 0
    return db


@pytest.fixture(scope="module")
def server(served_db):
    """``vanban serve`` (the real command) on the seeds and the chain."""
    db = served_db
    port = _free_port()
    log = open(db.with_suffix(".log"), "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vanban.cli", "serve", str(db), "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                assert response.status == 200
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.seek(0)
                pytest.fail(f"vanban serve did not start:\n{log.read()}")
            time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.TemporaryDirectory(prefix="vanban-chromium-")
    options.add_argument(f"--user-data-dir={profile.name}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)  # no Selenium Manager: paths given
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    profile.cleanup()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("VANBAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(driver, path: Path, *, height: int | None = None, max_height: int = 3000) -> Path:
    """A screenshot 1280 pixels wide: the whole page, or its top ``height`` pixels."""
    if height is None:
        height = min(max(driver.execute_script("return document.documentElement.scrollHeight"), 600), max_height)
    driver.set_window_size(1280, height)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)
    assert path.stat().st_size > 10_000
    return path


def wait_for(driver, css: str, timeout: float = 15):
    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def assert_self_contained(driver, base: str) -> None:
    """Everything the page loaded came from the server, and the console has no errors."""
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(base) for url in resources), resources
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def test_search_document_cited_decree_and_its_citers(server, browser, shots):
    d = browser

    # 1. search "so y te" from the home page: no diacritics typed
    d.get(server + "/")
    box = wait_for(d, "#home-search input[name=q]")
    assert "Văn bản hành chính" in d.find_element(By.TAG_NAME, "h1").text
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart-budget svg .bar")) == 1
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart-types svg .column")) == 24
    assert_self_contained(d, server)
    screenshot(d, shots / "00-home.png")
    box.send_keys("so y te")
    box.submit()

    # 2. results: seed 001 (352/KH-UBND), with "Sở Y tế" marked in its excerpt
    wait_for(d, "#results-documents")
    assert "/search?q=so+y+te" in d.current_url
    results = d.find_elements(By.CSS_SELECTOR, "#results-documents .vb-result")
    titles = [r.find_element(By.CSS_SELECTOR, "a.vb-result-title").text for r in results]
    assert any("352/KH-UBND" in t for t in titles), titles
    hit = next(r for r in results if "352/KH-UBND" in r.text)
    assert SEEDS[1].name in hit.text
    assert "Sở Y tế" in [m.text for m in hit.find_elements(By.CSS_SELECTOR, ".vb-excerpt mark")]
    assert "Sở Y tế tỉnh Nghệ An" in d.find_element(By.ID, "results-agencies").text
    assert_self_contained(d, server)
    screenshot(d, shots / "01-search.png")
    hit.find_element(By.CSS_SELECTOR, "a.vb-result-title").click()

    # 3. the document: header, audit, highlighted text, the picture; follow 27/2022/NĐ-CP
    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/nghe-an/ubnd/kh/2023/352"
    assert "352/KH-UBND" in d.find_element(By.TAG_NAME, "h1").text
    fields = d.find_element(By.ID, "header-fields").text
    assert "Ủy ban nhân dân tỉnh Nghệ An" in fields and "2023-05-25" in fields and SEEDS[1].name in fields
    assert "Mọi tổng đều khớp" in d.find_element(By.CSS_SELECTOR, "#budget .vb-audit").text
    assert "1.473.139 triệu đồng" in d.find_element(By.CSS_SELECTOR, "#budget .vb-budget").text
    assert len(d.find_elements(By.CSS_SELECTOR, ".vb-text mark.hl-amount")) >= 26
    assert "Sở Y tế" in [m.text for m in d.find_elements(By.CSS_SELECTOR, ".vb-text mark.hl-agency")]
    nodes = [t.text for t in d.find_elements(By.CSS_SELECTOR, "#neighbourhood svg text")]
    assert "27/2022/NĐ-CP" in nodes and "352/KH-UBND" in nodes
    assert_self_contained(d, server)
    screenshot(d, shots / "02-document.png")
    screenshot(d, shots / "screenshot.png", height=1700)  # the top of the page, for the README
    link = d.find_element(By.CSS_SELECTOR, ".vb-text a.hl-ref#ref-0")
    assert link.text == "Nghị định số 27/2022/NĐ-CP"
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()

    # 4. the decree (cited, not loaded): seeds 001 and 002 among its citers
    wait_for(d, "#cited-by")
    assert d.current_url == server + "/doc/vn/cp/nd/2022/27"
    assert "27/2022/NĐ-CP" in d.find_element(By.TAG_NAME, "h1").text
    assert d.find_element(By.CSS_SELECTOR, ".vb-stub-note").is_displayed()
    citers = [row.text for row in d.find_elements(By.CSS_SELECTOR, "#cited-by tr.vb-citer")]
    assert len(citers) == 2, citers
    assert any(SEEDS[2].name in row and "Lạng Sơn" in row for row in citers), citers
    assert any(SEEDS[1].name in row and "352/KH-UBND" in row for row in citers), citers
    assert "(2)" in d.find_element(By.CSS_SELECTOR, "#cited-by h2").text
    assert_self_contained(d, server)
    screenshot(d, shots / "03-cited-by.png")

    # 5. on to seed 002 from the list: a news article, which cites the decree among others
    row = next(r for r in d.find_elements(By.CSS_SELECTOR, "#cited-by tr.vb-citer") if SEEDS[2].name in r.text)
    row.find_element(By.CSS_SELECTOR, "td a").click()
    wait_for(d, "article.vb-document")
    assert "Lạng Sơn" in d.find_element(By.CSS_SELECTOR, ".vb-doc-subject").text
    assert "27/2022/NĐ-CP" in d.find_element(By.ID, "cites").text


def test_table_view_with_facets_and_folded_search(server, browser, shots):
    d = browser
    d.get(server + "/vanban/documents?status=loaded")
    wait_for(d, "table.rows-and-columns")
    assert "Văn bản · Documents" in d.find_element(By.TAG_NAME, "h1").text
    facets = {f.get_attribute("data-column") for f in d.find_elements(By.CSS_SELECTOR, ".facet-info")}
    assert {"doc_type", "issuer", "jurisdiction", "year"} <= facets
    search = d.find_element(By.CSS_SELECTOR, "form input#_search")
    search.send_keys("dong bao dan toc")
    search.submit()
    wait_for(d, "table.rows-and-columns")
    uris = [a.text for a in d.find_elements(By.CSS_SELECTOR, "td.col-uri a")]
    assert "vn/nghe-an/ubnd/kh/2023/352" in uris
    assert_self_contained(d, server)
    screenshot(d, shots / "04-table.png")


# --- the walk a records office makes every day ---------------------------------------------------

# A visible label is Vietnamese when it has a letter only Vietnamese uses (or is data: digits,
# codes, numbers of documents); Datasette's English phrases must not appear at all.
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
ENGLISH_ONLY = ("rows sorted by", "Suggested facets", "View and edit SQL", "Custom SQL query", "Query parameters",
                "This data as", "Advanced export", "Powered by", "Next page", "Run SQL")
LABELS = "h1, h2, h3, th, label, button, input[type=submit], .vb-bar a, .facet-info-name strong, .vb-toc a, dt"
# Per page: the labels, a word split over two lines (a range over it with two boxes), an element
# whose style breaks inside words, and the page wider than the window.
PAGE_CHECK = """
const labels = [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent !== null)
  .map(e => (e.value && e.tagName === 'INPUT') ? e.value : e.innerText.trim()).filter(t => t);
const broken = [], breakAll = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node, words = 0;
while ((node = walker.nextNode()) && words < 6000) {
  const el = node.parentElement;
  if (!el || el.offsetParent === null || el.closest('svg, script, style')) continue;
  const style = getComputedStyle(el);
  if (style.wordBreak === 'break-all' && /\\p{L}/u.test(node.data)) breakAll.push(el.tagName + ': ' + node.data.trim().slice(0, 40));
  for (const m of node.data.matchAll(/\\p{L}{2,7}/gu)) {
    words++;
    const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
    const boxes = [...r.getClientRects()].filter(b => b.width > 0);
    if (boxes.length > 1 && Math.abs(boxes[0].top - boxes[boxes.length - 1].top) > 2) broken.push(m[0]);
  }
}
return {labels, broken, breakAll, words, scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth, text: document.body.innerText};
"""


def _timed_get(d, url: str) -> float:
    d.get(url)
    return _nav_ms(d)


def _nav_ms(d) -> float:
    """The last navigation's time from request to the page loaded, in ms (Navigation Timing)."""
    return d.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;")


def check_page(d, name: str, shots: Path, timings: dict, *, narrow_fits: bool = True) -> dict:
    """Labels Vietnamese, no word broken inside, screenshots at 1400 and 400 pixels."""
    timings[name] = round(_nav_ms(d), 1)
    found = {}
    for width in (1400, 400):
        d.set_window_size(width, 1000)
        result = d.execute_script(PAGE_CHECK, LABELS)
        assert not result["breakAll"], (name, width, result["breakAll"][:5])
        assert not result["broken"], (name, width, result["broken"][:10])
        if width == 400 and narrow_fits:
            assert result["scrollWidth"] <= result["width"] + 1, (name, "cut off at 400 px", result["scrollWidth"])
        height = min(max(d.execute_script("return document.documentElement.scrollHeight"), 600), 4000)
        d.set_window_size(width, height)
        path = shots / f"walk-{name}-{width}.png"
        d.save_screenshot(str(path))
        assert path.stat().st_size > 5_000
        found = result
    d.set_window_size(1400, 1000)
    english = [label for label in found["labels"]
               if not VIETNAMESE.search(label) and re.search(r"[a-z]{3}", label) and label != "vanban"]  # the product's name
    assert not english, (name, english)
    leaked = [p for p in ENGLISH_ONLY if p in found["text"]]
    assert not leaked, (name, leaked)
    return found


def test_a_records_office_day(server, browser, shots):
    """home -> a chart bar -> the filtered list -> a document -> its file -> an agency's
    tasks -> back, each page timed and checked at 1400 and 400 pixels."""
    d, timings = browser, {}

    d.get(server + "/")
    wait_for(d, "#chart-types svg")
    check_page(d, "home", shots, timings)
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart-budget svg .bar")) == 1  # one plan with a checked total
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart-types svg .column")) == 24
    assert d.find_elements(By.CSS_SELECTOR, "#chart-cited svg .bar") and d.find_elements(By.CSS_SELECTOR, "#chart-tasks svg .bar")
    bar = d.find_element(By.CSS_SELECTOR, '#chart-types svg a[href*="doc_type=KH"] rect')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
    bar.click()

    wait_for(d, "table.rows-and-columns")
    assert "doc_type=KH" in d.current_url and "issued_date__startswith=2023-05" in d.current_url
    check_page(d, "list", shots, timings)
    headings = [th.text for th in d.find_elements(By.CSS_SELECTOR, "table.rows-and-columns th")]
    assert headings[:3] == ["Định danh", "Số ký hiệu", "Loại"] and "sha256" not in " ".join(headings), headings
    assert "Nghệ An" in [td.text for td in d.find_elements(By.CSS_SELECTOR, "td.col-jurisdiction")]
    facets = d.find_element(By.CSS_SELECTOR, ".facet-results").text
    assert "Nghệ An" in facets and "nghe-an" not in facets
    d.find_element(By.CSS_SELECTOR, "td.col-uri a").click()

    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/nghe-an/ubnd/kh/2023/352"
    check_page(d, "document", shots, timings)
    fields = {e.get_attribute("data-field"): e.text for e in d.find_elements(By.CSS_SELECTOR, ".vb-fields dd")}
    assert fields["Signed by"] == "Bùi Đình Long" and fields["Position"] == "PHÓ CHỦ TỊCH", fields
    assert fields["Signing authority"].startswith("TM.") and fields["Jurisdiction"] == "Nghệ An", fields
    download = d.find_element(By.CSS_SELECTOR, "a.vb-download")
    with urllib.request.urlopen(download.get_attribute("href"), timeout=10) as response:
        assert response.read() == SEEDS[1].read_bytes()
        assert "attachment" in response.headers["content-disposition"]
    link = next(a for a in d.find_elements(By.CSS_SELECTOR, "a.vb-agency-tasks")
                if re.search(r"agency=Sở Y tế(&|$)", unquote_plus(a.get_attribute("href"))))
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()

    wait_for(d, "#tasks-form")
    assert "/tasks?agency=" in d.current_url
    check_page(d, "tasks", shots, timings)
    sections = d.find_elements(By.CSS_SELECTOR, "section.vb-task-doc")
    assert [s.get_attribute("data-uri") for s in sections] == ["vn/nghe-an/ubnd/kh/2023/352"]
    assert d.find_elements(By.CSS_SELECTOR, "tr.vb-task.is-overdue"), "the 2023 deadlines have passed"
    with urllib.request.urlopen(d.find_element(By.ID, "tasks-csv").get_attribute("href"), timeout=10) as response:
        rows = response.read().decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Cơ quan · agency,") and len(rows) - 1 == len(d.find_elements(By.CSS_SELECTOR, "tr.vb-task"))
    started = time.perf_counter()
    d.back()

    wait_for(d, "article.vb-document")
    assert d.current_url.startswith(server + "/doc/vn/nghe-an/ubnd/kh/2023/352")
    timings["back"] = round((time.perf_counter() - started) * 1000, 1)  # wall clock: the page may come from the cache

    # what people type: a number in the address bar, a number in the search box
    d.get(server + "/doc/352/KH-UBND")
    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/nghe-an/ubnd/kh/2023/352"
    timings["document by number"] = round(_nav_ms(d), 1)
    d.get(server + "/search?q=352%2FKH-UBND")
    hit = wait_for(d, "#results-number a.vb-result-title")
    check_page(d, "search-number", shots, timings)
    hit = d.find_element(By.CSS_SELECTOR, "#results-number a.vb-result-title")
    hit.click()
    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/nghe-an/ubnd/kh/2023/352"

    (shots / "timings.json").write_text(json.dumps(timings, indent=1), encoding="utf-8")
    print("page timings (ms):", timings)
    assert all(ms < 5000 for ms in timings.values()), timings


def test_legal_status_and_the_bases_that_no_longer_stand(served_db, server, browser, shots):
    """The plan resting on a replaced decree: its Hiệu lực line, the warning (the rows of
    ``vanban check-bases`` for it) and the diagram grouped as vbpl.vn groups it; then the
    replaced decree and the one that replaced it."""
    d, timings = browser, {}
    cli = subprocess.run([sys.executable, "-m", "vanban.cli", "check-bases", "55/KH-UBND", "--db", str(served_db), "--json"],
                         cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr
    expected = [(w["basis"]["number"], w["status"]) for w in json.loads(cli.stdout)]
    assert expected == [("10/2020/NĐ-CP", "replaced")]

    def field(name: str) -> str:
        return d.find_element(By.CSS_SELECTOR, f'#header-fields dd[data-field="{name}"]').text

    def group(key: str) -> list[str]:
        return [t.text for t in d.find_elements(By.CSS_SELECTOR, f'#neighbourhood svg g.group[data-group="{key}"] g.node text')]

    d.get(server + "/doc/55/KH-UBND")
    wait_for(d, "article.vb-document")
    check_page(d, "status-plan", shots, timings)
    assert field("Validity").startswith("Còn hiệu lực (in force), ngày ")
    warnings = d.find_elements(By.CSS_SELECTOR, "#basis-warnings li.vb-basis-warning")
    assert [(w.get_attribute("data-basis"), w.get_attribute("data-status")) for w in warnings] == expected
    text = " ".join(warnings[0].text.split())
    assert "Ngày 2023-05-05, văn bản này căn cứ 10/2020/NĐ-CP ngày 2020-01-10" in text, text
    assert "bị thay thế (replaced)" in text and "bị thay thế bởi · replaced by 20/2022/NĐ-CP" in text, text
    assert "từ ngày 2022-04-01" in text, text
    assert group("bases") == ["10/2020/NĐ-CP"]
    warnings[0].find_element(By.CSS_SELECTOR, "a").click()

    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/cp/nd/2020/10"
    check_page(d, "status-replaced", shots, timings)
    validity = field("Validity")
    assert validity.startswith("Hết hiệu lực toàn bộ: bị thay thế (replaced), ngày "), validity
    assert "có hiệu lực từ ngày 2020-01-10" in validity and "replaced by 20/2022/NĐ-CP từ ngày 2022-04-01" in validity
    assert not d.find_elements(By.ID, "basis-warnings")
    labels = [t.text for t in d.find_elements(By.CSS_SELECTOR, "#neighbourhood svg text.group-label")]
    assert labels == ["Văn bản căn cứ (1)", "Văn bản thay thế (1)", "Văn bản trích dẫn (1)"], labels
    assert group("replaced_by") == ["20/2022/NĐ-CP"] and group("cited_by") == ["55/KH-UBND"]
    assert group("bases") == ["76/2015/QH13"], group("bases")  # named in the text, numbered by the table of laws
    replacing = d.find_element(By.CSS_SELECTOR, '#neighbourhood svg g.group[data-group="replaced_by"] a text')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", replacing)
    replacing.click()

    wait_for(d, "article.vb-document")
    assert d.current_url == server + "/doc/vn/cp/nd/2022/20"
    validity = field("Validity")
    assert validity.startswith("Còn hiệu lực (in force), ngày ") and "có hiệu lực từ ngày 2022-04-01" in validity, validity
    assert group("replaces") == ["10/2020/NĐ-CP"]
    assert_self_contained(d, server)
    print("page timings (ms):", timings)


def test_home_figures_follow_the_database_and_long_task_lists_are_cut(tmp_path, monkeypatch):
    """The home page's figures are kept per state of the database: a load changes them at
    once. An agency's page lists its latest documents only, and says so."""
    import asyncio

    from vanban.serve import make_datasette
    from vanban.store import open_db
    from vanban.web import tasks as tasks_view
    from vanban.web.pages import Links

    db_path = tmp_path / "grow.db"
    assert load([str(SEEDS[1])], db_path, workers=0, progress=False).errors == 0
    ds = make_datasette(db_path)

    def loaded_count() -> str:
        html = asyncio.run(ds.client.get("/")).text
        return re.search(r"<b>(\d+)</b> văn bản đã nạp", html).group(1)

    assert loaded_count() == "1"
    assert loaded_count() == "1"
    assert load([str(p) for p in SEEDS], db_path, workers=0, progress=False).errors == 0
    assert loaded_count() == str(len(SEEDS))

    db = open_db(db_path, create=False)
    try:
        page = tasks_view.tasks_page(db, "Sở Y tế", links=Links())
        assert page["documents_total"] == len(page["documents"]) == 1
        monkeypatch.setattr(tasks_view, "SHOWN_DOCUMENTS", 0)
        page = tasks_view.tasks_page(db, "Sở Y tế", links=Links())
        assert page["documents"] == [] and page["documents_total"] == 1 and page["tasks"] > 0
    finally:
        db.close()
    html = asyncio.run(ds.client.get("/tasks?agency=S%E1%BB%9F+Y+t%E1%BA%BF")).text
    assert 'id="tasks-shown"' in html and "Trang này hiện 0 văn bản" in html
