"""closer's content, as TOML data files validated by ``closer_tui.core.content``."""
