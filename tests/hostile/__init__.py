"""Hostile and broken inputs: a generated corpus (`make_corpus`) and what each file must give."""
