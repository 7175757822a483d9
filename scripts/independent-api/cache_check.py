#!/usr/bin/env python3
"""Issue 13 items 6-7 against fakeapi.py: N cold one-shot runs started together over one
XDG_CACHE_HOME make one login; a tokens/ folder left 0777 is made private (and said); a tokens/
folder that is a symlink to a world-writable place gets nothing written there; cache/gctls and
state/gctls are created 0700."""
import json, os, stat, subprocess, sys, tempfile, time, urllib.request
from common import *  # noqa: F401,F403 (the checks share one small vocabulary)

def mode(p):
    return oct(stat.S_IMODE(os.lstat(p).st_mode))

for n in (5, 8):
    control({"reset": True})
    cache, state_dir = tempfile.mkdtemp(), tempfile.mkdtemp()
    procs = [subprocess.Popen([GCTLS, "domains", "list"], env=env_for(cache, state_dir), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(n)]
    codes = [p.wait() for p in procs]
    print("%d parallel cold runs: exit codes %s, logins %d, cache/gctls %s, tokens %s" % (
        n, codes, state()["logins"],
        mode(cache + "/gctls"), mode(cache + "/gctls/tokens")))

# 0777 tokens folder
control({"reset": True})
cache, state_dir = tempfile.mkdtemp(), tempfile.mkdtemp()
subprocess.run([GCTLS, "domains", "list"], env=env_for(cache, state_dir), capture_output=True)
os.chmod(cache + "/gctls/tokens", 0o777)
p = subprocess.run([GCTLS, "domains", "list"], env=env_for(cache, state_dir), capture_output=True, text=True)
print("tokens/ 0777: exit %d, now %s, stderr: %s" % (p.returncode, mode(cache + "/gctls/tokens"), p.stderr.strip()[:200]))

# symlink to a world-writable place
control({"reset": True})
cache, state_dir = tempfile.mkdtemp(), tempfile.mkdtemp()
target = tempfile.mkdtemp(); os.chmod(target, 0o777)
os.makedirs(cache + "/gctls", mode=0o700)
os.symlink(target, cache + "/gctls/tokens")
p = subprocess.run([GCTLS, "domains", "list"], env=env_for(cache, state_dir), capture_output=True, text=True)
print("tokens/ -> symlink: exit %d, files written in target: %s, stderr: %s" % (p.returncode, os.listdir(target),
      p.stderr.strip()[:200]))

# state dir via the prompt
cache, state_dir = tempfile.mkdtemp(), tempfile.mkdtemp()
subprocess.run([GCTLS], input="exit\n", env=env_for(cache, state_dir), capture_output=True, text=True)
print("state/gctls after a prompt session:", mode(state_dir + "/gctls") if os.path.exists(state_dir + "/gctls") else "absent")
