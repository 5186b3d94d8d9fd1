"""Stage 2: readings of each table compete on evidence; sentences read as statements."""
