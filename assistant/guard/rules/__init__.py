"""Guard rules, one per file, in the shape of Presidio recognizers."""
