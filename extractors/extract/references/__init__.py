"""Citations of other documents: the number grammar (``patterns``) and the finder
(``find.extract_references``)."""
