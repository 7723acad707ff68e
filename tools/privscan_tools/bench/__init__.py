"""`privscan bench`: throughput, accuracy, memory, cold start and $/GB, against stock Presidio in the same run."""
