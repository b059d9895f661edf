"""Meeting pages: thin views over the meetings services and selectors."""
