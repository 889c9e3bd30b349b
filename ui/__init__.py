"""Dialogs and map tools of the plugin; they call the Processing algorithms, never the science directly."""
