"""Labelled synthetic invoices, credit notes and receipts from many independent "sources".

Casefile's confidence is calibrated with leave-one-source-out cross-validation, and the shared
corpora hold only a handful of sources. Each module in `bench/synth/sources/` is one source: its
own layout family, language, number and date conventions, decoys and awkward parts, written from
how such documents look in that country, never from what the extraction engine handles.
`python -m bench.synth OUT_DIR` writes `OUT_DIR/<source>/NAME.pdf|png|jpg` beside `NAME.json` in
`manage.py evaluate`'s format. Development tooling: nothing in Casefile imports this package,
and it does not import the engine.
"""
