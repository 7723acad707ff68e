"""One logger, tracer and metrics object for the whole service (Powertools).

Log only locations, types, counts and content-free reasons: never a value, a
preview or a line of an object.
"""

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger(service="privscan")
tracer = Tracer(service="privscan")
metrics = Metrics(namespace="Privscan", service="privscan")
