#!/usr/bin/env python3
"""TEST TOOL, not part of gctls or its build: an independent, deliberately unfriendly implementation of the Genesys Cloud API parts gctls
uses, on loopback, with faults set through POST /_control. Written from docs, not from gctls's
code: a test tool only.

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
import base64
import json
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
CLIENT_SECRET = "fake-secret-Zq8x"

LOCK = threading.Lock()
STATE = {}


def reset():
    STATE.clear()
    STATE.update(domains=[], requests={}, logins=0, tokens=set(), rules=[], duplicates="refuse",
                 listLag=0.0, pageCap=100, audit=[], auditLateDone=True, auditLate=None)


reset()


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
        for k, v in (headers or {}).items():
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
                return self._send(200, {"domains": STATE["domains"], "requests": STATE["requests"],
                                        "logins": STATE["logins"], "tokens": sorted(STATE["tokens"])})
        with LOCK:
            key = method + " " + path
            STATE["requests"][key] = STATE["requests"].get(key, 0) + 1
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
        expected = "Basic " + base64.b64encode((CLIENT_ID + ":" + CLIENT_SECRET).encode()).decode()
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
                     and ("domain" not in query or d["domain"] == query["domain"])]
        total = len(items)
        chunk = items[(page - 1) * size: page * size]
        return self._send(200, {"entities": [self._public(d) for d in chunk], "pageNumber": page, "pageSize": size,
                                "total": total, "pageCount": (total + size - 1) // size})

    def _create(self, body):
        req = json.loads(body)
        name = req.get("domain")
        cert = req.get("certificate", "")
        with LOCK:
            if STATE["duplicates"] == "refuse" and any(d["domain"] == name for d in STATE["domains"]):
                return self._send(409, {"message": name + " already exists", "code": "conflict", "status": 409,
                                        "contextId": "ctx-409"})
            d = {"id": str(uuid.uuid4()), "domain": name, "status": "active", "type": "web",
                 "createdDate": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "certificate": cert,
                 "_created": time.time()}
            STATE["domains"].append(d)
        return self._send(201, self._public(d))

    def _one(self, method, ident, body):
        with LOCK:
            found = [d for d in STATE["domains"] if d["id"] == ident and self._visible(d)]
        if not found:
            return self._send(404, {"message": "no domain " + ident, "code": "not.found", "status": 404})
        if method == "PUT":
            found[0]["certificate"] = json.loads(body).get("certificate", "")
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


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 18443
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print("fake API on http://127.0.0.1:%d" % port, flush=True)
    server.serve_forever()
