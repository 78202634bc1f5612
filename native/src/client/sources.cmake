# Filled in by the client component.
set(AZML_CLIENT_SOURCES)
