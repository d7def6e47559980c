"""The web view: Datasette over the store, with pages made for this data.

``metadata.yaml`` (titles, descriptions, facets, canned queries), ``plugin.py`` (the
Datasette hooks: SQL functions, routes, cell rendering), ``pages.py`` (what each page
shows, from a database connection), ``svg.py`` (charts and the citation picture),
``templates/`` and ``static/``. ``vanban.serve`` puts them together.
"""
