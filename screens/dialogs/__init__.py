"""Dialogs (``FramewheelDialog[T]``, a ModalScreen closed with ``dismiss()``) shared by every activity: confirm, text input, notice, help."""
