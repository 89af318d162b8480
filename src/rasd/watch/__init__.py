"""``rasd watch``: poll feeds and pages continuously into the store (:mod:`.cycle`,
:mod:`.poll`), alert when sources start to disagree, a toll jumps or a major incident appears
(:mod:`.alerts`), and send the alerts to the console, a JSONL log, a webhook or e-mail
(:mod:`.channels`, settings in :mod:`.config`). State lives in the store
(:mod:`rasd.store.watch`). See ``docs/watch.md``."""
