"""The self-assessment wheel: rating, summary, reflection, history and comparison screens."""
