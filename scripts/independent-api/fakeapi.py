#!/usr/bin/env python3
"""TEST TOOL, not part of gctls or its build: an independent, deliberately unfriendly implementation of the Genesys Cloud API parts gctls
uses, on loopback, with faults set through POST /_control (or, for rotations, sequenced through the
creates with --faults). Written from the API's description, not from gctls's code or its sandbox.

  fakeapi.py [PORT] [--port P] [--rate N] [--faults SPEC] [--client-secret S]

PORT/--port: 18443 by default, 0 for any free port; "listening on http://127.0.0.1:PORT" is printed
once ready. Client id "fake-client", secret "fake-secret-Zq8x" (--client-secret to change it).
--rate N: requests a minute per token (default 600); every API answer carries inin-ratelimit-allowed,
-count and -reset, and a request past the limit is a 429 with Retry-After.
--faults sprinkles faults through the creates (POST /api/v2/customdomains) by their sequence
number, e.g. "429:5,429q:13,503:9,reset:17,slow:21": at create number 5 a 429 with Retry-After,
13 a 429 saying the wait only in its message, 9 a 503 (nothing stored), 17 the domain is stored
and then the connection is reset, 21 the answer comes 3 s late.
GET /__stats (no token): domains stored, stores per domain, names stored twice, requests, 429s, creates.

Control body (JSON), all optional:
  {"reset": true,                       # forget domains, counters, rules
   "duplicates": "refuse"|"store",      # 409 on a duplicate create, or store a second one
   "listLag": 3.0,                      # seconds a new domain stays invisible to lists/gets
   "pageCap": 25,                       # the largest page the server honours
   "auditEvents": 5000,                 # events in the realtime audit store (eventDate spread over the last 20 h)
   "auditLate": [N, pageSize],          # after the first page is read, N newer events appear (shift)
   "rules": [{"method": "GET", "path": "/api/v2/customdomains", "action": "500", "times": 1, "skip": 0}]}
Actions: a status ("500", "503", "401echo", "400echo"), "html", "garbage", "reset" (drop before
handling), "reset-after" (handle, then drop), "delay:SECONDS".
GET /_state -> {"domains": [...], "requests": {"METHOD path": n}, "logins": n, "tokens": [...]}
"""
import argparse
import base64
import hashlib
import json
import re
import socket
import struct
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

CLIENT_ID = "fake-client"
CONFIG = {"secret": "fake-secret-Zq8x", "rate": 600, "faults": {}}
PEM_CERT = re.compile(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", re.S)

LOCK = threading.Lock()
STATE = {}


def reset():
    STATE.clear()
    STATE.update(domains=[], requests={}, logins=0, tokens=set(), rules=[], duplicates="refuse",
                 listLag=0.0, pageCap=100, audit=[], auditLateDone=True, auditLate=None,
                 windows={}, stores={}, creates=0, apiRequests=0, limited=0)


reset()


def fingerprint(pem):
    """SHA-256 of the first certificate's DER, hex: what the API reports as certificateFingerprint."""
    m = PEM_CERT.search(pem or "")
    if not m:
        return None
    return hashlib.sha256(base64.b64decode("".join(m.group(1).split()))).hexdigest()


def hit(token, now):
    """Counts a request in its token's one-minute window: (count in the window, seconds to its end)."""
    start, count = STATE["windows"].get(token, (now, 0))
    if now - start >= 60:
        start, count = now, 0
    count += 1
    STATE["windows"][token] = (start, count)
    return count, max(1, int(60 - (now - start) + 0.999))


def make_audit(n):
    now = datetime.now(timezone.utc)
    events = []
    for i in range(n):
        t = now - timedelta(hours=20) + timedelta(seconds=i * 10)
        events.append({"id": "ev-%05d" % i, "eventDate": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                       "serviceName": "Platform", "level": "USER", "action": "Update",
                       "entityType": "CustomDomain", "entity": {"id": "d-%d" % (i % 50), "name": "x"},
                       "status": "SUCCESS", "user": {"id": "u1", "name": "someone"}, "message": {"message": "m"}})
    return events


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode("utf-8", "replace") if n else ""

    def _send(self, status, obj=None, raw=None, ctype="application/json", headers=None):
        if getattr(self, "_swallow", None):
            self._swallowed = status  # handled, but the answer is lost (reset-after, 500-after)
            return
        data = raw.encode() if raw is not None else (json.dumps(obj).encode() if obj is not None else b"")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("inin-correlation-id", str(uuid.uuid4()))
        for k, v in dict(getattr(self, "_rate", None) or {}, **(headers or {})).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _drop(self):
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.close_connection = True
        self.connection.close()

    def _rule(self, method, path):
        with LOCK:
            for rule in STATE["rules"]:
                if rule.get("method", method) != method or not path.startswith(rule.get("path", "")):
                    continue
                if rule.get("skip", 0) > 0:
                    rule["skip"] -= 1
                    continue
                if rule.get("times", 1) <= 0:
                    continue
                rule["times"] = rule.get("times", 1) - 1
                return rule["action"]
        return None

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_PUT(self):
        self._handle("PUT")

    def do_DELETE(self):
        self._handle("DELETE")

    def _handle(self, method):
        url = urlparse(self.path)
        path = url.path
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        body = self._body()
        if path == "/_control":
            cfg = json.loads(body or "{}")
            with LOCK:
                if cfg.get("reset"):
                    reset()
                for key in ("duplicates", "listLag", "pageCap", "rules"):
                    if key in cfg:
                        STATE[key] = cfg[key]
                if "auditEvents" in cfg:
                    STATE["audit"] = make_audit(cfg["auditEvents"])
                if "auditLate" in cfg:
                    STATE["auditLate"] = cfg["auditLate"]
                    STATE["auditLateDone"] = False
            return self._send(200, {"ok": True})
        if path == "/_state":
            with LOCK:
                return self._send(200, {"domains": [self._public(d) for d in STATE["domains"]],
                                        "requests": STATE["requests"], "logins": STATE["logins"],
                                        "tokens": sorted(STATE["tokens"])})
        if path == "/__stats":
            with LOCK:
                return self._send(200, {"domains": len(STATE["domains"]), "stores": STATE["stores"],
                                        "storedTwice": [d for d, n in STATE["stores"].items() if n > 1],
                                        "requests": STATE["apiRequests"], "rateLimited": STATE["limited"],
                                        "creates": STATE["creates"]})
        with LOCK:
            key = method + " " + path
            STATE["requests"][key] = STATE["requests"].get(key, 0) + 1
        self._rate = None
        self._sequenced = None
        self._swallow = False
        if path != "/oauth/token":
            limited = self._rate_limit(method, path)
            if limited:
                return limited()
        action = self._rule(method, path)
        after = None
        self._swallow = False
        if action is not None:
            if action == "reset":
                return self._drop()
            if action in ("reset-after", "500-after"):
                after = action
                self._swallow = True
            elif action.startswith("delay:"):
                time.sleep(float(action.split(":")[1]))
            elif action == "html":
                return self._send(200, raw="<html><body>Bad gateway</body></html>", ctype="text/html")
            elif action == "garbage":
                return self._send(200, raw='{"entities": [ {"id": "x", "dom')
            elif action.startswith("401echo:") or action.startswith("400echo:"):
                n = int(action.split(":")[1])
                st = int(action[:3])
                echoed = ("Authorization: " + (self.headers.get("Authorization") or "") + " body " + body)[:n]
                if st == 401:
                    return self._send(401, {"error": "invalid_client", "error_description": "bad credentials: " + echoed})
                return self._send(400, {"message": "The request could not be understood: " + echoed,
                                        "code": "bad.request", "status": 400, "contextId": "ctx-echo"})
            elif action == "401echo":
                return self._send(401, {"error": "invalid_client", "error_description":
                                        "bad credentials: Authorization: " + (self.headers.get("Authorization") or "")
                                        + " body " + body})
            elif action == "400echo":
                return self._send(400, {"message": "The request could not be understood: " + body,
                                        "code": "bad.request", "status": 400, "contextId": "ctx-echo"})
            elif action.isdigit():
                st = int(action)
                return self._send(st, {"message": "fault " + action, "code": "fault." + action,
                                       "status": st, "contextId": "ctx-" + action})
        self._route(method, path, query, body)
        self._swallow = False
        if after == "reset-after":
            self._drop()
        elif after == "500-after":
            self._send(500, {"message": "internal error after storing", "code": "internal.server.error",
                             "status": 500, "contextId": "ctx-500-after"})

    def _rate_limit(self, method, path):
        """The per-token rate limit and the sequenced create faults; a callable when the request ends here."""
        auth = self.headers.get("Authorization") or ""
        token = auth[7:] if auth.startswith("Bearer ") else None
        with LOCK:
            if token not in STATE["tokens"]:
                return None  # refused as unauthorized by the route
            STATE["apiRequests"] += 1
            count, reset_in = hit(token, time.monotonic())
            self._rate = {"inin-ratelimit-allowed": str(CONFIG["rate"]), "inin-ratelimit-count": str(count),
                          "inin-ratelimit-reset": str(reset_in)}
            if count > CONFIG["rate"]:
                STATE["limited"] += 1
                return lambda: self._error(429, "too.many.requests.retry.after", "Rate limit exceeded the maximum. "
                                           "Retry the request in [%d] seconds" % reset_in, {"Retry-After": str(reset_in)})
            fault = None
            if method == "POST" and path == "/api/v2/customdomains":
                STATE["creates"] += 1
                fault = CONFIG["faults"].get(STATE["creates"])
            if fault in ("429", "429q"):
                STATE["limited"] += 1
        if fault == "429":
            return lambda: self._error(429, "too.many.requests.retry.after",
                                       "Rate limit exceeded the maximum. Retry the request in [2] seconds",
                                       {"Retry-After": "2"})
        if fault == "429q":
            return lambda: self._error(429, "too.many.requests.retry.after",
                                       "Rate limit exceeded the maximum. Retry the request in [2] seconds")
        if fault == "503":
            return lambda: self._error(503, "service.unavailable", "Service Unavailable")
        self._sequenced = fault  # reset / slow: acted on after the domain is stored
        return None

    def _error(self, status, code, message, headers=None):
        return self._send(status, {"message": message, "code": code, "status": status,
                                   "contextId": str(uuid.uuid4()), "details": [], "errors": []}, headers=headers)

    def _route(self, method, path, query, body):
        if path == "/oauth/token" and method == "POST":
            return self._token(body)
        if not self._authorized():
            return self._send(401, {"message": "unauthorized", "code": "bad.credentials", "status": 401})
        if path == "/api/v2/tokens/me":
            return self._send(200, {"organization": {"id": "o1", "name": "Fake"}, "OAuthClient": {"id": CLIENT_ID}})
        if path == "/api/v2/customdomains" and method == "GET":
            return self._list(query)
        if path == "/api/v2/customdomains" and method == "POST":
            return self._create(body)
        if path.startswith("/api/v2/customdomains/"):
            return self._one(method, path.rsplit("/", 1)[1], body)
        if path == "/api/v2/audits/query/realtime" and method == "POST":
            return self._audit(json.loads(body))
        return self._send(404, {"message": "no route " + path, "code": "not.found", "status": 404})

    def _authorized(self):
        auth = self.headers.get("Authorization") or ""
        return auth.startswith("Bearer ") and auth[7:] in STATE["tokens"]

    def _token(self, body):
        auth = self.headers.get("Authorization") or ""
        expected = "Basic " + base64.b64encode((CLIENT_ID + ":" + CONFIG["secret"]).encode()).decode()
        form = parse_qs(body)
        if auth != expected or form.get("grant_type") != ["client_credentials"]:
            return self._send(401, {"error": "invalid_client", "error_description": "client authentication failed"})
        token = "tok-" + uuid.uuid4().hex
        with LOCK:
            STATE["logins"] += 1
            STATE["tokens"].add(token)
        time.sleep(0.2)  # a login takes a moment, so parallel runs overlap
        return self._send(200, {"access_token": token, "token_type": "bearer", "expires_in": 86400})

    def _visible(self, d):
        return time.time() - d["_created"] >= STATE["listLag"]

    def _public(self, d):
        return {k: v for k, v in d.items() if not k.startswith("_")}

    def _list(self, query):
        size = min(int(query.get("pageSize", 25)), STATE["pageCap"])
        page = int(query.get("pageNumber", 1))
        with LOCK:
            items = [d for d in STATE["domains"] if self._visible(d)
                     and ("domain" not in query or d["domain"] == query["domain"].lower())]
        total = len(items)
        chunk = items[(page - 1) * size: page * size]
        return self._send(200, {"entities": [self._public(d) for d in chunk], "pageNumber": page, "pageSize": size,
                                "total": total, "pageCount": (total + size - 1) // size})

    def _create(self, body):
        req = json.loads(body or "{}")
        name = (req.get("domain") or "").lower()
        cert = req.get("certificate") or ""
        fp = fingerprint(cert)
        if not name or not fp or "PRIVATE KEY" not in (req.get("privateKey") or ""):
            return self._error(400, "bad.request", "domain, certificate and privateKey are required")
        with LOCK:
            if STATE["duplicates"] == "refuse" and any(d["domain"] == name for d in STATE["domains"]):
                return self._error(409, "duplicate.value", "Custom domain %s already exists" % name)
            d = {"id": str(uuid.uuid4()), "domain": name, "status": "active", "type": "web",
                 "createdDate": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "certificate": cert,
                 "certificateFingerprint": fp, "_created": time.time()}
            STATE["domains"].append(d)
            STATE["stores"][name] = STATE["stores"].get(name, 0) + 1
        if self._sequenced == "reset":
            return self._drop()
        if self._sequenced == "slow":
            time.sleep(3)
        return self._send(201, self._public(d))

    def _one(self, method, ident, body):
        with LOCK:
            found = [d for d in STATE["domains"] if d["id"] == ident and self._visible(d)]
        if not found:
            return self._send(404, {"message": "no domain " + ident, "code": "not.found", "status": 404})
        if method == "PUT":
            found[0]["certificate"] = json.loads(body).get("certificate", "")
            found[0]["certificateFingerprint"] = fingerprint(found[0]["certificate"])
        return self._send(200, self._public(found[0]))

    def _audit(self, q):
        size = min(int(q.get("pageSize", 25)), STATE["pageCap"])
        page = int(q.get("pageNumber", 1))
        with LOCK:
            events = list(reversed(STATE["audit"]))  # newest first, as the real API sorts by default
            if page > 1 and not STATE["auditLateDone"] and STATE["auditLate"]:
                # late events arrive after page 1 was read: everything shifts by that many
                n = STATE["auditLate"][0]
                newest = datetime.now(timezone.utc)
                late = [{"id": "late-%d" % i, "eventDate": (newest + timedelta(seconds=-i)).strftime(
                    "%Y-%m-%dT%H:%M:%S.000Z"), "serviceName": "Platform", "action": "Update",
                    "entityType": "CustomDomain", "entity": {"id": "d-x"}, "status": "SUCCESS"} for i in range(n)]
                STATE["audit"].extend(reversed(late))
                STATE["auditLateDone"] = True
                events = list(reversed(STATE["audit"]))
        total = len(events)
        chunk = [dict(e, serviceName=q.get("serviceName", "Platform")) for e in events[(page - 1) * size: page * size]]
        return self._send(200, {"entities": chunk, "pageNumber": page, "pageSize": size, "total": total,
                                "pageCount": (total + size - 1) // size})


def main():
    parser = argparse.ArgumentParser(description="an independent fake of the API gctls uses (a test tool)")
    parser.add_argument("port_arg", nargs="?", type=int, metavar="PORT")
    parser.add_argument("--port", type=int, default=18443)
    parser.add_argument("--rate", type=int, default=600)
    parser.add_argument("--faults", default="")
    parser.add_argument("--client-secret", default=CONFIG["secret"])
    args = parser.parse_args()
    CONFIG["rate"] = args.rate
    CONFIG["secret"] = args.client_secret
    for item in filter(None, args.faults.split(",")):
        kind, number = item.split(":")
        CONFIG["faults"][int(number)] = kind
    server = ThreadingHTTPServer(("127.0.0.1", args.port if args.port_arg is None else args.port_arg), Handler)
    server.daemon_threads = True
    print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
