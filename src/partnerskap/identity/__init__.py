"""Login with a work identity (OpenID Connect): NAV employees through Entra ID, municipal employees
through ID-porten; a login the registry does not know waits for an administrator to connect it to
a person (docs/decisions/0039-openid-connect-login-in-the-app.md)."""
