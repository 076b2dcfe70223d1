"""The review gate, reviewer decisions, and the browser UI for reviewers and admins."""
