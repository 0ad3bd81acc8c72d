"""zhengce.corpus — MANY notices: batch conversion, the store, queries, cross-notice comparison.
Imports `extractor`; nothing here is imported by `extractor`."""
