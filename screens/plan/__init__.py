"""The development plan: objectives, their form, and suggestions from a wheel."""
