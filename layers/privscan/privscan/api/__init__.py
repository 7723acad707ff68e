"""The scan and review API (API Gateway HTTP API, IAM-authorised): routes in app.py, services beside them."""
