"""The parts of :mod:`powermap_kit.course`, one module per course topic (import from ``course``)."""
