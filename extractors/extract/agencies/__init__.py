"""Agencies: the lexicon, canonical identities and the spaCy recognizer."""
