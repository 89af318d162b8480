"""Language data: every natural-language word rasd matches lives in a data folder here."""
