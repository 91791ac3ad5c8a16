"""Train the retrieval scope model (``make models``)."""
