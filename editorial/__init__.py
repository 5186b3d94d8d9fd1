"""The editorial workflow beside the pipeline: returns added through the dashboard (intake), their
preview in a bounded process (preview), and the request kit for a new round (kit). It calls the
ingest; the ingest never calls it."""
