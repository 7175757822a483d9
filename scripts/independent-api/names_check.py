#!/usr/bin/env python3
"""Issue 13 items 8 and 11 against fakeapi.py: blank, trailing-dot, malformed and huge names and
ids given to deploy, domains list/show/status and audit query/tail. For each: the exit code, how
many lines and characters gctls wrote to stderr, and how many requests reached the API (any
request at all, and any whose path or body carries the odd input). Then the same name typed with a
trailing dot and in capitals against an API that stores duplicates: how many domains it holds."""
from common import *  # noqa: F401,F403 (the checks share one small vocabulary)

HUGE = "a" * 102400
BAD_NAMES = [" ", "", "www.example.com..", ".www.example.com", "www..example.com", "-www.example.com",
             "www-.example.com", "www_x.example.com", "www example.com", "*.*.example.com", "www.*.example.com",
             "w*.example.com", "*.com", "example", "1.2.3.4", "x" * 64 + ".example.com",
             ".".join(["a" * 60] * 5), HUGE + ".example.com", "www.example.com/../x", "www.ex\u00e4mple..com"]
BAD_IDS = ["", " ", "../../etc/passwd", "a/b", "a?b=c", "a#b", "..", HUGE, "id with spaces"]


def case(args):
    control({"reset": True, "duplicates": "store"})
    code, out, err = run(args)
    s = state()
    sent = {k: v for k, v in s["requests"].items() if k not in ("POST /oauth/token", "GET /api/v2/tokens/me")}
    return code, err, sum(sent.values()), len(s["domains"])


def main():
    rows = []
    for name in BAD_NAMES:
        rows.append(("deploy --domain", name, case(["deploy", "--domain", name] + CERT)))
        rows.append(("domains list --domain", name, case(["domains", "list", "--domain", name])))
        rows.append(("domains status --domain", name, case(["domains", "status", "--domain", name])))
    for ident in BAD_IDS:
        rows.append(("domains show", ident, case(["domains", "show", ident])))
        rows.append(("audit query --domain-id", ident, case(["audit", "query", "--domain-id", ident])))
        rows.append(("audit tail --domain-id", ident, case(["audit", "tail", "--domain-id", ident])))
    bad = 0
    for what, value, (code, err, sent, stored) in rows:
        lines = [l for l in err.splitlines() if l.strip()]
        ok = code in (2, 3) and sent == 0 and stored == 0 and len(lines) == 1 and len(err) < 400
        bad += 0 if ok else 1
        shown = repr(value) if len(value) < 40 else "%r... (%d chars)" % (value[:20], len(value))
        print("%-4s %-24s %-36s exit %s  stderr %d line(s) %4d chars  requests %d  stored %d  %s" % (
            "ok" if ok else "BAD", what, shown, code, len(lines), len(err), sent, stored,
            lines[0][:150] if lines else ""))
    # the same name three ways against an API that stores duplicates
    control({"reset": True, "duplicates": "store"})
    codes = [run(["deploy", "--domain", n] + CERT)[0]
             for n in ("www.example.com", "www.example.com.", "WWW.Example.COM", " www.example.com ")]
    s = state()
    print("same name 4 ways (plain, trailing dot, capitals, spaces), duplicates stored: exit codes %s, "
          "domains stored %d %s, creates %d" % (codes, len(s["domains"]), sorted(d["domain"] for d in s["domains"]),
                                                s["requests"].get("POST " + D, 0)))
    print("cases", len(rows), "bad", bad)


main()
