"""Dialogs (``ModalScreen[T]`` closed with ``dismiss()``) shared by every activity: confirm, text input, notice, help."""
