#!/usr/bin/env python3
"""Issue 13 items 1-3: one-shot deploys whose create is stored but not answered, then whose
reconciliation meets a 500, HTML, garbage, resets until the circuit opens, a list lagging behind
a 409; and a login whose token endpoint answers one 500. Prints exit code, domains stored, POSTs."""
from common import CERT, D, control, run, state

CASES = {
    "create reset after store, lookup 500": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "500", "times": 1, "skip": 1}],
    "create reset after store, lookup 500 x3": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "500", "times": 3, "skip": 1}],
    "create reset after store, lookup HTML 200": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "html", "times": 1, "skip": 1}],
    "create reset after store, lookup garbage 200 x2": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "garbage", "times": 2, "skip": 1}],
    "create reset after store, 8 lookup resets (circuit opens)": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "reset", "times": 8, "skip": 1}],
    "create reset after store, lookups always 500 (past budget)": [
        {"method": "POST", "path": D, "action": "reset-after", "times": 1},
        {"method": "GET", "path": D, "action": "500", "times": 10000, "skip": 1}],
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
             "rules": [{"method": "POST", "path": D, "action": "reset-after", "times": 1}]})
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
