"""The screens of framewheel: home and the shared pieces here, one package per activity, and dialogs/ (on FramewheelDialog)."""
