"""Stage 5: the table written whole or not at all (figures, issues, datapackage)."""
