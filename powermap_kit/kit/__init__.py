"""The trainer's kit: measured agendas, printable handouts (PDF), slides per module.

Nothing here imports Jupyter. :mod:`.agendas` needs only the core; the PDF builder
(:mod:`.pdf`) needs Playwright and Chromium, the slides (:mod:`.slides`) a local reveal.js.
"""
