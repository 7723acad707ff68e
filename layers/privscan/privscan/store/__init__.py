"""Store: the AWS adapters (DynamoDB findings and audit, S3 objects, allow list, executions) and the
local findings spool."""
