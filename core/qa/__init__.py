"""QA bit fields: schemes (what the bits mean), decoding, and keep rules."""
