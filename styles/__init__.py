"""The Textual style sheets (.tcss) of framewheel."""
