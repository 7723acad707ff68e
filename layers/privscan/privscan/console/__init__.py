"""The review console: a web page and its JSON routes for privacy officers signed in through Cognito."""
