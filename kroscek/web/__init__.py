"""The web app (``kroscek serve``)."""
