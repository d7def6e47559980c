"""The web view: Datasette over the store, with pages made for this data.

``metadata.yaml`` (titles and descriptions of the tables, columns and canned queries;
facets, search), ``metadata.py`` (that file and the library's questions as Datasette
metadata: the canned queries' SQL is ``vanban.queries``'), ``plugin.py`` (the Datasette
hooks: the library's SQL functions, routes, cell rendering), ``pages.py`` (what each page
shows, from the library's questions), ``svg.py`` (charts and the citation picture),
``templates/`` and ``static/``. ``vanban.serve`` puts them together; the imports go one
way: serve -> plugin -> pages -> queries.
"""
