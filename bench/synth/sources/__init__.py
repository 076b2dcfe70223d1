"""One module per synthetic source; each exposes `build(rng) -> Rendered` and documents in its
docstring the layout family, conventions, decoys and awkward parts that make it distinct.
Registered in `bench/synth/corpus.py`."""
