"""Agencies: the lexicon, keys and canonical identities (``lexicon``) and the spaCy
recognizer (``recognize``)."""
