"""zhengce.extractor — everything about ONE notice: readers, normalisation with offsets,
structure, fact extractors, lexicons, the spaCy adapter, the Notice model and its JSON.
Importing this package reads and writes nothing."""
