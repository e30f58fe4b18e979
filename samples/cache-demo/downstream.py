#!/usr/bin/env python3
"""A deterministic stand-in for the demo flows' downstream services (catalog, prices, FX rates).

Answers GET /products/{sku}, /prices/{sku}?region=R and /rates/{from}/{to} with JSON derived from
the path only, so a repeated request always gets the same answer, and counts requests (GET
/stats) so the demo can show how many calls the cache saved. Usage: downstream.py PORT
"""
import hashlib
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

calls = {"total": 0}
lock = threading.Lock()


def number(text, low, high):
    digest = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    return low + digest % (high - low)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        if parts == ["stats"]:
            return self.reply(200, calls)
        with lock:
            calls["total"] += 1
        if len(parts) == 2 and parts[0] == "products":
            return self.reply(200, {"sku": parts[1], "name": "Product " + parts[1].upper()})
        if len(parts) == 2 and parts[0] == "prices":
            region = parse_qs(url.query).get("region", ["eu"])[0]
            return self.reply(200, {"amount": number(parts[1] + region, 5, 500), "currency": "EUR" if region == "eu" else "USD"})
        if len(parts) == 3 and parts[0] == "rates":
            return self.reply(200, {"rate": number(parts[1] + parts[2], 50, 150) / 100})
        return self.reply(404, {"error": "unknown path"})


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
