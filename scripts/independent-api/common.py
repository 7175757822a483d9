"""Shared by the checks in this folder: the fake API's control endpoint, and one gctls run with a
fresh cache, state and config folder. Usage of every check: python3 CHECK.py GCTLS FIXTURES_CERTS
(GCTLS: scripts/gctls, or any launcher; FIXTURES_CERTS: fixtures/certs). The fake must be running:
python3 fakeapi.py 18443 (or FAKE_PORT)."""
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

PORT = int(os.environ.get("FAKE_PORT", "18443"))
BASE = "http://127.0.0.1:%d" % PORT
GCTLS = sys.argv[1]
FIX = sys.argv[2]
CERT = ["--cert", FIX + "/chain/leaf.pem", "--key", FIX + "/chain/leaf.key", "--chain", FIX + "/chain/chain.pem",
        "--trust", FIX + "/pki/root-ca.pem"]
D = "/api/v2/customdomains"


def control(cfg):
    req = urllib.request.Request(BASE + "/_control", data=json.dumps(cfg).encode(), method="POST")
    urllib.request.urlopen(req).read()


def state():
    return json.loads(urllib.request.urlopen(BASE + "/_state").read())


def env_for(cache=None, state_home=None):
    env = dict(os.environ)
    env.update({"GENESYS_ENV_URL": BASE, "GENESYS_LOGIN_URL": BASE, "GENESYSCLOUD_OAUTHCLIENT_ID": "fake-client",
                "GENESYSCLOUD_OAUTHCLIENT_SECRET": "fake-secret-Zq8x",
                "XDG_CACHE_HOME": cache or tempfile.mkdtemp(), "XDG_STATE_HOME": state_home or tempfile.mkdtemp(),
                "XDG_CONFIG_HOME": tempfile.mkdtemp()})
    return env


def run(args, extra_env=None):
    env = env_for()
    env.update(extra_env or {})
    p = subprocess.run([GCTLS] + args, env=env, capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout, p.stderr
