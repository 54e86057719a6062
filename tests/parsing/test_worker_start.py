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
