# Filled in by the C ABI component.
set(AZML_CAPI_SOURCES)
