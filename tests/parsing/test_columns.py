"""ParsedCorpus.columns: one copy of each record column, however the analyses ask for it."""

from __future__ import annotations

from mediakit.parsing.parsed import parse_corpus


def test_overlapping_requests_share_one_copy_and_read_only_new_columns(corpus, monkeypatch):
    pc = parse_corpus(corpus, cache_dir=False)
    first = pc.columns("tok_start", "tok_end", "ent_start")
    asked = []
    real = pc.store.read
    monkeypatch.setattr(pc.store, "read", lambda keys, cols: asked.append(cols) or real(keys, cols))
    second = pc.columns("sent_start", "tok_start")
    assert asked == [["sent_start"]]  # tok_start (and key) come from the first read
    assert second.column_names == ["key", "sent_start", "tok_start"]
    assert second["tok_start"] is not None and second["tok_start"].equals(first["tok_start"])
    # The same buffers, not a second copy of the column.
    a, b = first["tok_start"].chunks[0], second["tok_start"].chunks[0]
    assert a.buffers()[-1].address == b.buffers()[-1].address
    assert pc.columns("tok_start", "ent_start").equals(
        first.select(["key", "tok_start", "ent_start"])
    )


def test_keep_false_hands_columns_over_without_keeping_them(corpus):
    pc = parse_corpus(corpus, cache_dir=False)
    kept = pc.columns("sent_start")
    once = pc.columns("tok_start", "sent_start", keep=False)
    assert once["tok_start"].equals(pc.columns("tok_start", keep=False)["tok_start"])
    assert "tok_start" not in pc._tables  # read again when asked again, never held
    assert once["sent_start"].chunks[0].buffers()[-1].address == (
        kept["sent_start"].chunks[0].buffers()[-1].address
    )  # what was kept is still shared


def test_the_entity_step_keeps_no_token_offsets(corpus):
    from mediakit.analyses.entities.table import entities_of

    pc = parse_corpus(corpus, cache_dir=False)
    assert len(entities_of(pc)) > 0
    assert not {"tok_start", "tok_end"} & set(pc._tables)
