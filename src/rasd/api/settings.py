"""The server's settings: the one :class:`rasd.settings.Settings` (its environment variables are
listed there), read by ``rasd serve`` or given to ``create_app``."""

from rasd.settings import Settings, SettingsError

__all__ = ["Settings", "SettingsError"]
