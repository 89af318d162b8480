"""``python -m rasd.api [--db DB] [--host H] [--port P]`` (what ``rasd serve`` runs)."""

from __future__ import annotations

import argparse

from rasd.api import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="rasd serve", description="Serve the REST API. Settings from the environment: "
        "RASD_API_TOKEN, RASD_ALLOW_PRIVATE, RASD_RATE_LIMIT, RASD_EXTRACT_TIMEOUT, "
        "RASD_EXTRACT_WORKERS (see README).")
    parser.add_argument("--db", default=None, help="SQLite file or postgresql:// URL")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    serve(args.db, host=args.host, port=args.port, log_level=args.log_level)


if __name__ == "__main__":
    main()
