"""Knowledge base: corpus loading and vetting, ingestion, the store and retrieval."""
