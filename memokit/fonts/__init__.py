"""Open TrueType fonts shipped with memokit, each with its licence."""
