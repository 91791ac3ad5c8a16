"""The flow of the design (scrub → guard → retrieve → generate → guard → restore), per task."""
