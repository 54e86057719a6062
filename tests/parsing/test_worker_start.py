"""What a parse process loads before its first record (each worker pays it again)."""

from __future__ import annotations

import subprocess
import sys


def test_a_parse_record_does_not_import_textstat():
    # Importing textstat takes about 2 s; the parse needs only its word list.
    code = (
        "import sys\n"
        "from mediakit.parsing.records import parse_batch\n"
        "batch = parse_batch([('k', 'The committee met on Tuesday. It agreed.')])\n"
        "assert batch.column('difficult_words')[0].as_py() >= 1, batch.to_pylist()\n"
        "print('textstat' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parallel_parse_leaves_nothing_frozen_and_matches_one_process(tmp_path):
    import gc

    import pandas as pd

    from mediakit.parsing.parsed import parse_corpus

    texts = [f"Article {i}. Joe Biden spoke in Kyiv on Monday, officials said." for i in range(8)]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "outlet": "x", "text": texts})
    two = parse_corpus(corpus, cache_dir=tmp_path / "two", n_process=2, batch_size=2)
    assert gc.get_freeze_count() == 0  # the parent's objects are collectable again
    one = parse_corpus(corpus, cache_dir=tmp_path / "one", n_process=1)
    cols = ("tok_start", "ent_start", "ent_label", "words")
    assert two.columns(*cols).equals(one.columns(*cols))
