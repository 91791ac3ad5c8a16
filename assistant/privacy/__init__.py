"""PHI scrubbing: Presidio with our recognizers (scrubber), a placeholder vault and a
PHI-free audit. Import from the submodules; this package stays light so that commands
which never scrub do not pay for loading Presidio."""
