"""screens.plan.plan: see the README's "How the code is laid out"."""
