"""The workshop: choose the steps of a workshop, keep them under a name, and step through them full screen."""
