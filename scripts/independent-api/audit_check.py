#!/usr/bin/env python3
"""Issue 12 item 5 / issue 13 item 12 against fakeapi.py: 5,000 audit events, pages capped at 25,
listed newest first (the fake ignores the sort); late events shifting the listing by exactly one
page; a page failing past the retries."""
import json, os, subprocess, sys, tempfile, time, urllib.request
from common import *  # noqa: F401,F403 (the checks share one small vocabulary)

def q(cfg, extra=()):
    control(cfg)
    t = time.time()
    code, out, err = run(["audit", "query", "--since", "1d", "--output", "json"] + list(extra))
    lines = [l for l in out.splitlines() if l.strip()]
    ids = [json.loads(l).get("id") for l in lines if '"error"' not in l]
    s = state()
    kinds = "%d of the %d stored before the query, %d late" % (
        len({i for i in ids if i.startswith("ev-")}), cfg.get("auditEvents", 0),
        len({i for i in ids if i.startswith("late-")}))
    return code, len(ids), len(set(ids)), s["requests"].get("POST /api/v2/audits/query/realtime", 0), time.time() - t, err.strip().splitlines(), kinds

for name, cfg, extra in [
    ("5000 events, pages capped at 25", {"reset": True, "pageCap": 25, "auditEvents": 5000}, []),
    ("5000 events, cap 25, 25 late events after page 1 (a shift of exactly one page)",
     {"reset": True, "pageCap": 25, "auditEvents": 5000, "auditLate": [25, 25]}, []),
    ("5000 events, cap 100, 100 late events after page 1 (one page)",
     {"reset": True, "pageCap": 100, "auditEvents": 5000, "auditLate": [100, 100]}, []),
    ("5000 events, cap 25, --max-pages 100 given", {"reset": True, "pageCap": 25, "auditEvents": 5000}, ["--max-pages", "100"]),
    ("5000 events, cap 25, page 41 fails (503 x50)", {"reset": True, "pageCap": 25, "auditEvents": 5000,
     "rules": [{"method": "POST", "path": "/api/v2/audits/query/realtime", "action": "503", "times": 50, "skip": 40}]}, []),
]:
    code, n, distinct, posts, secs, err, kinds = q(cfg, extra)
    print("%-80s exit %s, %d lines, %d distinct (%s), %d requests, %.1f s" % (name, code, n, distinct, kinds, posts,
                                                                            secs))
    for l in err[-2:]:
        print("      stderr: " + l[:260])
