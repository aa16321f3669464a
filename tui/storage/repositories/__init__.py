"""One repository per kind of record: how each activity's records are stored in the data file."""
