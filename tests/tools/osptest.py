"""osptest: shared fixtures for osprey's integration tests.

Every integration test is a plain python3 script under tests/integration/<area>/test_*.py that
CTest runs. It uses:

    from osptest import Moto, run_osprey, main
    def test_something(t):            # t is a Case: t.tmp (a fresh dir), t.moto() starts a moto
        m = t.moto()                  # its own moto_server on 127.0.0.1, a free port, stopped at exit
        m.aws("s3api", "create-bucket", "--bucket", "b1")
        r = run_osprey(["inspect", "--service", "s3"], env=m.env())
        assert r.returncode == 0, r.stderr
    if __name__ == "__main__":
        main(globals())               # runs every test_* function, prints "N passed, N failed"

Nothing here talks to anything but 127.0.0.1.
"""
import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

SOURCE_DIR = os.environ.get("OSPREY_SOURCE_DIR") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED_DIR = os.environ.get("OSPREY_SHARED") or os.path.join(SOURCE_DIR, "..", "shared")
OSPREY_BIN = os.environ.get("OSPREY_BIN") or os.path.join(SOURCE_DIR, "build", "osprey")

_live = []
# Every test process gets its own XDG cache home, so no test reads or writes the user's cache.
_CACHE_HOME = tempfile.mkdtemp(prefix="osp-cache-home-")
atexit.register(shutil.rmtree, _CACHE_HOME, True)


def _stop_all(*_):
    for p in list(_live):
        p.stop()


atexit.register(_stop_all)
for _sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(_sig, lambda s, f: (_stop_all(), sys.exit(128 + s)))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env():
    """A clean environment: no AWS settings leak in from the machine, no real network."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OSPREY_ROLE", "ACTIONS_ID_TOKEN"))}
    env.update({"AWS_EC2_METADATA_DISABLED": "true", "NO_COLOR": "1",
                "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
                "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost",
                "XDG_CACHE_HOME": _CACHE_HOME})  # per test case: see Case
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)
    return env


class Moto:
    """One moto_server on 127.0.0.1 and a free port. Stopped at exit, even on failure."""

    ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
    SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    def __init__(self, extra_env=None, account_id="123456789012", workdir=None):
        self.port = free_port()
        self.endpoint = "http://127.0.0.1:%d" % self.port
        self.account_id = account_id
        env = base_env()
        if account_id:  # None: accounts follow the access key (12-digit keys are account ids)
            env["MOTO_ACCOUNT_ID"] = account_id
        env.update(extra_env or {})
        self._log = open(os.path.join(workdir or tempfile.gettempdir(), "moto-%d.log" % self.port), "w")
        self.proc = subprocess.Popen([shutil.which("moto_server") or "moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=self._log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        _live.append(self)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("moto_server exited with %s" % self.proc.returncode)
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1).read()
                return
            except Exception:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("moto_server did not start on port %d" % self.port)

    def stop(self):
        if self in _live:
            _live.remove(self)
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=5)
            except Exception:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except Exception:
                    pass
        self._log.close()

    def env(self, region="us-east-1", **extra):
        """Environment for osprey and the aws CLI: static keys, the endpoint, a region."""
        env = base_env()
        env.update({"AWS_ACCESS_KEY_ID": self.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": self.SECRET_KEY,
                    "AWS_REGION": region, "AWS_DEFAULT_REGION": region, "AWS_ENDPOINT_URL": self.endpoint})
        env.update({k: v for k, v in extra.items()})
        return env

    def aws(self, *args, region="us-east-1", check=True, env=None):
        """Run the aws CLI against this moto and return parsed JSON output (or None)."""
        cmd = ["aws", "--endpoint-url", self.endpoint, "--region", region, "--output", "json"] + list(args)
        r = subprocess.run(cmd, capture_output=True, text=True, env=env or self.env(region))
        if check and r.returncode != 0:
            raise RuntimeError("aws %s failed: %s" % (" ".join(args), r.stderr))
        return json.loads(r.stdout) if r.stdout.strip() else None

    def client(self, service, region="us-east-1", **kw):
        import boto3
        return boto3.client(service, endpoint_url=self.endpoint, region_name=region,
                            aws_access_key_id=kw.get("key", self.ACCESS_KEY),
                            aws_secret_access_key=kw.get("secret", self.SECRET_KEY))

    def reset(self):
        urllib.request.urlopen(urllib.request.Request(self.endpoint + "/moto-api/reset", method="POST")).read()

    def iam_user(self, name, policy_document):
        """Create an IAM user with one inline policy; return its access key {AccessKeyId, SecretAccessKey}.
        Seed what a test needs with it before enable_auth()."""
        iam = self.client("iam")
        iam.create_user(UserName=name)
        iam.put_user_policy(UserName=name, PolicyName=name + "-policy", PolicyDocument=policy_document)
        return iam.create_access_key(UserName=name)["AccessKey"]

    def enable_auth(self):
        """Turn on signature checking and IAM policy enforcement from now on. moto reads the body
        as a bare number (the remaining unauthenticated calls); a form content type would hide it."""
        req = urllib.request.Request(self.endpoint + "/moto-api/reset-auth", data=b"0",
                                     headers={"Content-Type": "text/plain"}, method="POST")
        urllib.request.urlopen(req, timeout=10).read()


def run_osprey(args, env=None, timeout=300, cwd=None, input=None):
    """Run the osprey binary; returns CompletedProcess with text stdout/stderr."""
    return subprocess.run([OSPREY_BIN] + list(args), capture_output=True, text=True, env=env if env is not None else base_env(),
                          timeout=timeout, cwd=cwd, input=input)


class Case:
    def __init__(self, name):
        global _CACHE_HOME
        self.name = name
        self.tmp = tempfile.mkdtemp(prefix="osp-%s-" % name)
        self._motos = []
        # a fresh cache home per test: two tests on the same (moto) account never share state
        _CACHE_HOME = os.path.join(self.tmp, "xdg-cache")

    def moto(self, **kw):
        m = Moto(workdir=self.tmp, **kw)
        self._motos.append(m)
        return m

    def close(self, keep=False):
        for m in self._motos:
            m.stop()
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


def main(namespace):
    """Run every test_* function in namespace (optionally only those named in argv)."""
    names = sorted(n for n, f in namespace.items() if n.startswith("test_") and callable(f))
    if len(sys.argv) > 1:
        names = [n for n in names if n in sys.argv[1:]]
    passed = failed = 0
    for n in names:
        case = Case(n)
        ok = False
        try:
            namespace[n](case)
            ok = True
            print("PASS %s" % n, flush=True)
        except Exception:
            print("FAIL %s" % n, flush=True)
            traceback.print_exc()
        finally:
            case.close(keep=not ok)
        passed += ok
        failed += not ok
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or not names else 0)
