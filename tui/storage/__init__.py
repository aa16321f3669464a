"""Storage: the only package that imports TinyDB or writes the data file.

The database and its file format, safe private files, default paths, settings, the background
saver, the crash log, and one repository per kind of record."""
