"""Learning from reviewers: layout memory, verdicts and per-workspace recalibration (SPEC §9).

A sub-app of extraction (app label `learning`): the pipeline reads its memory and calibration
before and after the engine runs, and the review app writes reviewers' verdicts into it through
`extraction.learning.services`. Everything is scoped to a workspace and case type and deleted
with them.
"""
