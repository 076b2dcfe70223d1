"""`make bench`: Casefile's throughput, accuracy and API latency beside a peer tool (invoice2data).

Run as `python -m bench` from the repository root (see `bench/__main__.py`). Development tooling:
nothing in Casefile imports this package.
"""
