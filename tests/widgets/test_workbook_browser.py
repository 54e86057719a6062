"""The dashboard notebook in a real browser: JupyterLab, headless Chromium, no internet.

A JupyterLab server runs on a free localhost port, with a token, on a temporary
copy of notebooks/ and with the private test cache. Chromium opens
03_dashboard.ipynb, runs every cell from the Run menu as a student would, waits
for the widgets and the charts, changes the metric dropdown and checks that the
chart's axis title follows, clicks a dot (its article opens under the chart)
and an outlet's point in the profile (its articles are listed), searches a word (the count and
the lines appear under the box, a line opens its article marked), empties and
refills the outlet picker, and downloads a chart's CSV. Every request that does not go to localhost is
blocked and recorded, and the test fails if there was any: the workbook must
work offline. The screenshot is saved as test-artifacts/dashboard.png.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

import mediakit
from tests.browser import artifact, chromium, require_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = "03_dashboard.ipynb"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
START_TIMEOUT = 90  # s: JupyterLab server up
RUN_TIMEOUT = 240  # s: kernel start, spaCy load, first parse of the corpus, six charts
REDRAW_TIMEOUT = 30  # s: one chart redrawn after a dropdown change


@dataclass
class Lab:
    url: str
    token: str
    process: subprocess.Popen
    log: Path
    cache: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str, method: str = "GET", timeout: float = 5) -> int:
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status


@pytest.fixture
def lab(tmp_path, session_cache) -> Iterator[Lab]:
    """JupyterLab on a temporary copy of the notebooks; shut down through its API afterwards."""
    require_browser()  # skip (or fail in CI) before starting a server for nothing
    work = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", work, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    home = tmp_path / "jupyter"
    # Lab's own settings, kept out of the user's: no news feed, no update check, no pop-up asking.
    apputils = home / "settings" / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    notification = apputils / "notification.jupyterlab-settings"
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {
        **os.environ,
        "MEDIAKIT_CACHE_DIR": str(session_cache),  # kernels inherit the server's environment
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port, token = _free_port(), secrets.token_hex(16)
    log = tmp_path / "jupyterlab.log"
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",  # the default one asks PyPI about extensions
        "--allow-root",  # CI containers run as root
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=work)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if _get(f"{url}/api/status", token) == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"JupyterLab did not start in {START_TIMEOUT}s:\n{log.read_text()[-3000:]}"
                )
            time.sleep(0.5)
        yield Lab(url, token, proc, log, session_cache)
    finally:
        if proc.poll() is None:
            try:
                _get(f"{url}/api/shutdown", token, method="POST")  # stops the kernels too
                proc.wait(timeout=30)
            except Exception:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    assert proc.returncode == 0, f"JupyterLab did not shut down cleanly:\n{log.read_text()[-3000:]}"


def _axis_titles(chart) -> list[str]:
    return chart.locator(".role-axis-title text").all_text_contents()


def _run_all_cells(page) -> None:
    """Run ▸ Run All Cells from the menu, once the kernel is connected; retried if nothing starts."""
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=START_TIMEOUT * 1000)
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(
        timeout=START_TIMEOUT * 1000
    )
    for _ in range(3):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has_text="Run All Cells").first.click()
        try:  # a prompt turns into [*] or [1] once the kernel takes the cells
            page.wait_for_function(
                "() => Array.from(document.querySelectorAll('.jp-InputPrompt'))"
                ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))",
                timeout=20_000,
            )
            return
        except Exception:
            page.keyboard.press("Escape")
    page.screenshot(path=artifact("dashboard-failure.png"))
    pytest.fail("Run All Cells did not start the notebook")


def test_dashboard_runs_and_redraws_offline_in_jupyterlab(lab):
    from mediakit.analyses.metric_info import metric_short_title, metric_title

    first, second = "flesch_reading_ease", "words_per_sentence"
    outside: list[str] = []

    def only_localhost(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1400, "height": 3400}, accept_downloads=True
        )
        context.route("**/*", only_localhost)
        page = context.new_page()
        # Websockets (kernel channels) bypass routing: record those that are not local as well.
        page.on(
            "websocket",
            lambda ws: None if urlparse(ws.url).hostname in LOCAL_HOSTS else outside.append(ws.url),
        )
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        page.goto(f"{lab.url}/lab/tree/{DASHBOARD}?token={lab.token}")
        try:
            _run_all_cells(page)
            started = time.perf_counter()
            output = page.locator(".jp-OutputArea-output").last
            metric = output.locator(
                ".widget-dropdown", has=page.locator("label", has_text="Metric")
            ).locator("select")
            metric.wait_for(timeout=RUN_TIMEOUT * 1000)
            # The dashboard's first chart shows the chosen metric.
            chart = output.locator(".vega-embed").first
            chart.locator(".role-axis-title text").first.wait_for(timeout=RUN_TIMEOUT * 1000)
            print(f"\nCells started to first chart drawn: {time.perf_counter() - started:.1f} s")
        except Exception:
            page.screenshot(path=artifact("dashboard-failure.png"))
            raise

        before = _axis_titles(chart)
        assert metric_title(first) in before, before
        # Every chart drew (metric, profile, formulas, names, top names, sentences).
        assert output.locator(".vega-embed svg, .vega-embed canvas").count() >= 6
        page.wait_for_selector(
            ".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=RUN_TIMEOUT * 1000
        )

        # Change the metric and wait for the chart to follow.
        changed = time.perf_counter()
        metric.select_option(label=metric_short_title(second))
        page.wait_for_function(
            """([chart, title]) => Array.from(chart.querySelectorAll('.role-axis-title text'))
                   .some(t => t.textContent === title)""",
            arg=[chart.element_handle(), metric_title(second)],
            timeout=REDRAW_TIMEOUT * 1000,
        )
        redraw_ms = (time.perf_counter() - changed) * 1000
        print(f"Metric dropdown change to new chart drawn: {redraw_ms:.0f} ms")
        after = _axis_titles(chart)
        assert metric_title(second) in after and metric_title(first) not in after, after

        # A dot opens its article right under the chart; an outlet's point lists its articles.
        dot = chart.locator(".mark-symbol path").first
        dot.scroll_into_view_if_needed()
        dot.click(force=True)
        title = output.locator("h4").first
        title.wait_for(timeout=REDRAW_TIMEOUT * 1000)
        titles = set(mediakit.load_corpus()["title"])
        assert title.inner_text() in titles, title.inner_text()
        # The profile's points stand for outlets only (the metric chart's dots cover its ticks).
        profile = output.locator(".vega-embed", has_text="standard deviations").first
        point = profile.locator(".mark-symbol path").first
        point.scroll_into_view_if_needed()
        point.click(force=True)
        listed = output.locator("text=pick one to read it").first
        listed.wait_for(timeout=REDRAW_TIMEOUT * 1000)
        page.wait_for_timeout(1_000)  # the dots' selection empties too: the list must stay
        assert "article" in listed.inner_text(timeout=5_000)

        # Search: the count and the lines appear right under the box; a line opens its article.
        search = output.locator("input[placeholder='a word or phrase, then Enter']")
        search.fill("Zelenskyy")
        search.press("Enter")
        count = output.locator("text=/lines? for .Zelenskyy. in/").first
        count.wait_for(timeout=REDRAW_TIMEOUT * 1000)
        hits = output.locator(".widget-select select").filter(has=page.locator("option")).first
        hits.select_option(index=0)
        output.locator("mark").first.wait_for(timeout=REDRAW_TIMEOUT * 1000)
        assert "zelenskyy" in output.locator("mark").first.inner_text().lower()

        # The picker: None empties the charts and says what to do, All shown brings them back.
        output.locator("button", has_text="None").first.click()
        output.locator("text=Pick at least one outlet").wait_for(timeout=REDRAW_TIMEOUT * 1000)
        output.locator("button", has_text="All shown").first.click()
        output.locator("text=Pick at least one outlet").wait_for(
            state="detached", timeout=REDRAW_TIMEOUT * 1000
        )

        # A chart's CSV link downloads its table, made in the page.
        with page.expect_download(timeout=REDRAW_TIMEOUT * 1000) as got:
            output.locator("a", has_text="Download the chart's data (CSV)").first.click()
        saved = got.value
        assert saved.suggested_filename.endswith(".csv")
        assert "outlet" in Path(saved.path()).read_text(encoding="utf-8-sig").splitlines()[0]

        # Screenshot of the dashboard itself (controls and charts), without Lab around it.
        page.mouse.move(0, 0)  # no hover tooltip in the picture
        output.screenshot(path=artifact("dashboard.png"))
        page.screenshot(path=artifact("dashboard-jupyterlab.png"))
        assert errors == [], errors
        context.close()

    assert outside == [], f"requests to the internet: {outside}"
    assert any(lab.cache.iterdir()), "the kernel did not use the private test cache"
