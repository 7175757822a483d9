#!/usr/bin/env python3
"""Issue 13 items 4-5 against fakeapi.py: the login service and the API echo what they were sent,
cut at many lengths; gctls's stdout+stderr (with and without --debug) must hold no 8-character
piece of the client secret, the secret part of the Basic value, a token the fake issued, or a
line of the private key."""
import base64, json, os, subprocess, sys, tempfile, urllib.request
from common import *  # noqa: F401,F403 (the checks share one small vocabulary)
KEY = open(FIX + "/chain/leaf.key").read()
SECRET = "fake-secret-Zq8x"
BASIC = base64.b64encode(b"fake-client:" + SECRET.encode()).decode()
STEP = int(os.environ.get("STEP", "29"))

def pieces():
    out = [SECRET, BASIC[16:]]
    out += [l for l in KEY.splitlines() if not l.startswith("-----")]
    return out

def leaks(text, tokens):
    found = []
    for s in pieces() + tokens:
        for i in range(0, len(s) - 7):
            if s[i:i + 8] in text:
                found.append(s[i:i + 8]); break
    return found

bad = 0; runs = 0
for debug in (False, True):
    extra = ["--debug"] if debug else []
    for n in range(0, 80, 1 if STEP < 29 else 3):
        control({"reset": True, "rules": [{"method": "POST", "path": "/oauth/token", "action": "401echo:%d" % n}]})
        code, out, err = run(["auth", "login"] + extra)
        runs += 1
        l = leaks(out + err, state()["tokens"])
        if l or code != 4:
            bad += 1; print("LOGIN cut", n, "debug", debug, "exit", code, "leaks", l, (out + err)[:300])
    for n in range(0, 5200, STEP):
        control({"reset": True, "rules": [{"method": "POST", "path": "/api/v2/customdomains", "action": "400echo:%d" % n}]})
        code, out, err = run(["deploy", "--domain", "www.example.com"] + CERT + extra)
        runs += 1
        l = leaks(out + err, state()["tokens"])
        if l or code != 5:
            bad += 1; print("DEPLOY cut", n, "debug", debug, "exit", code, "leaks", l, (out + err)[-400:])
print("runs", runs, "bad", bad)
