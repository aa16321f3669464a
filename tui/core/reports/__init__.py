"""Reports as Markdown: the 1:1 report of a wheel, and each activity's section of it."""
