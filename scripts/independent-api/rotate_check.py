#!/usr/bin/env python3
"""Rotations against the fake as scripts/fake-genesys starts it: a per-token rate limit and faults
sprinkled through the creates (429 with and without Retry-After, 503, a reset after the domain was
stored, a late answer). Bundles come from `gctls --sandbox sandbox seed N --out D` (any bundles
under D/<domain>/ will do). Prints gctls's exit code and time, then the fake's /__stats: domains
stored, any stored twice, requests and 429s. A second apply of the same folder must change nothing.

  python3 rotate_check.py GCTLS FIXTURES_CERTS [N] [RATE]     (default 40 domains at 120 a minute)

Starts its own fake on a free port (FAKE_PORT is not used)."""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import GCTLS, env_for

N = int(sys.argv[3]) if len(sys.argv) > 3 else 40
RATE = int(sys.argv[4]) if len(sys.argv) > 4 else 120
FAULTS = "429:5,429q:13,503:9,reset:17,slow:21,429:33"
HERE = os.path.dirname(os.path.abspath(__file__))

fake = subprocess.Popen([os.path.join(HERE, "..", "fake-genesys"), "--rate", str(RATE), "--faults", FAULTS],
                        stdout=subprocess.PIPE, text=True)
try:
    base = fake.stdout.readline().split()[-1]
    fleet = tempfile.mkdtemp() + "/fleet"
    seed = subprocess.run([GCTLS, "--sandbox", "sandbox", "seed", str(N), "--out", fleet], env=env_for(),
                          capture_output=True, text=True)
    assert seed.returncode == 0, seed.stderr
    env = env_for()
    env.update({"GENESYS_ENV_URL": base, "GENESYS_LOGIN_URL": base, "GENESYSCLOUD_OAUTHCLIENT_SECRET": "fake-secret"})
    for run in (1, 2):
        started = time.time()
        p = subprocess.run([GCTLS, "rotate", "apply", "--dir", fleet, "--trust", fleet + "/ca.pem", "--offline"],
                           env=env, capture_output=True, text=True, timeout=1800)
        stats = json.loads(urllib.request.urlopen(base + "/__stats").read())
        last = " | ".join(l.strip() for l in p.stdout.strip().splitlines()[-3:-1])
        print("apply %d: exit %d in %.1f s; fake: %d domains stored, stored twice %s, %d requests, %d answered 429, "
              "%d creates; gctls: %s" % (run, p.returncode, time.time() - started, stats["domains"],
                                         stats["storedTwice"], stats["requests"], stats["rateLimited"],
                                         stats["creates"], last[:300]))
        if p.returncode != 0:
            print("      stderr: " + p.stderr.strip()[-400:])
finally:
    fake.terminate()
