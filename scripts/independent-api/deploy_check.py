#!/usr/bin/env python3
"""Issue 13 items 1-3: one-shot deploys whose create is stored but not answered, then whose
reconciliation meets a 500, HTML, garbage, resets until the circuit opens, a list lagging behind
a 409; and a login whose token endpoint answers one 500. Prints exit code, domains stored, POSTs."""
from common import CERT, D, control, run, state

# the create is stored, but its answer is lost: gctls must find it by looking it up
STORED_UNANSWERED = {"method": "POST", "path": D, "action": "reset-after", "times": 1}


def lookups(action, times):
    """Faults on the domain-list GETs after the first one (the first is answered normally)."""
    return {"method": "GET", "path": D, "action": action, "times": times, "skip": 1}


CASES = {
    "create reset after store, lookup 500": [STORED_UNANSWERED, lookups("500", 1)],
    "create reset after store, lookup 500 x3": [STORED_UNANSWERED, lookups("500", 3)],
    "create reset after store, lookup HTML 200": [STORED_UNANSWERED, lookups("html", 1)],
    "create reset after store, lookup garbage 200 x2": [STORED_UNANSWERED, lookups("garbage", 2)],
    "create reset after store, 8 lookup resets (circuit opens)": [STORED_UNANSWERED, lookups("reset", 8)],
    "create reset after store, lookups always 500 (past budget)": [STORED_UNANSWERED, lookups("500", 10000)],
    "create answered 500 after storing": [
        {"method": "POST", "path": D, "action": "500-after", "times": 1}],
}


def main():
    results = []
    for name, rules in CASES.items():
        control({"reset": True, "rules": rules, "duplicates": "refuse"})
        code, out, err = run(["deploy", "--domain", "www.example.com"] + CERT)
        s = state()
        results.append((name, code, len(s["domains"]), s["requests"].get("POST " + D, 0), err.strip().splitlines()))
    # the lagging list behind a 409: the list hides a new domain for 3 s
    control({"reset": True, "listLag": 3.0, "duplicates": "refuse",
             "rules": [STORED_UNANSWERED]})
    code, out, err = run(["deploy", "--domain", "www.example.com"] + CERT)
    s = state()
    results.append(("create reset after store, list lags 3 s (409 on the second create)", code, len(s["domains"]),
                    s["requests"].get("POST " + D, 0), err.strip().splitlines()))
    # a one-off 500 from the token endpoint
    control({"reset": True, "rules": [{"method": "POST", "path": "/oauth/token", "action": "500", "times": 1}]})
    code, out, err = run(["auth", "login"])
    s = state()
    results.append(("token endpoint 500 once, auth login", code, s["logins"], s["requests"].get("POST /oauth/token", 0),
                    err.strip().splitlines()))
    for name, code, domains, posts, err in results:
        print("%-70s exit %-3s stored %s  POSTs %s" % (name, code, domains, posts))
        for line in (err[:1] + err[-1:] if len(err) > 1 else err):
            print("      stderr: " + (line if len(line) <= 400 else line[:200] + " [...] " + line[-200:]))


main()
