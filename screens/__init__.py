"""The screens of framewheel, one module per screen; dialogs are ModalScreens."""
