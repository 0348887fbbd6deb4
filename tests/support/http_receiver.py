#!/usr/bin/env python3
"""A local HTTP receiver for the SMS gateway tests.

Listens on 127.0.0.1 on a free port and prints "PORT <n>" once listening. Request n (from 1)
is written to OUT/<n>.json (method, path, headers, body as UTF-8 text) and answered with the
n-th status of --statuses (the last one repeats; default 200). Stops on SIGTERM.
"""
import argparse
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--statuses", default="200")
    args = parser.parse_args()
    statuses = [int(s) for s in args.statuses.split(",")]
    count = [0]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            count[0] += 1
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            record = {"method": "POST", "path": self.path,
                      "headers": {k: v for k, v in self.headers.items()},
                      "body": body.decode("utf-8", errors="replace")}
            path = os.path.join(args.out, f"{count[0]}.json")
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                json.dump(record, f, ensure_ascii=False)
            os.rename(path + ".tmp", path)
            status = statuses[min(count[0], len(statuses)) - 1]
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *a):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
