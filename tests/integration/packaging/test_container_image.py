"""The container image builds offline with podman (docker/Dockerfile, local debian:bookworm-slim),
runs as a non-root user, and scans a moto account on 127.0.0.1 through --network host."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, main  # noqa: E402

IMAGE = "localhost/osprey-test:ci"


def podman_env():
    env = dict(os.environ)
    conf = "/var/tmp/ctr/containers.conf"
    if "CONTAINERS_CONF" not in env and os.path.exists(conf):
        env["CONTAINERS_CONF"] = conf
    return env


def have_podman():
    ok = shutil.which("podman") and subprocess.run(
        ["podman", "image", "exists", "docker.io/library/debian:bookworm-slim"], env=podman_env()).returncode == 0
    if not ok:
        if os.environ.get("CI") == "true":
            raise AssertionError("podman or the local debian:bookworm-slim image is missing "
                                 "(source ../shared/tools/container-env.sh as root)")
        print("SKIP: podman not set up (source ../shared/tools/container-env.sh as root)")
    return ok


def podman(*args, **kw):
    return subprocess.run(["podman"] + list(args), capture_output=True, text=True, env=podman_env(), **kw)


def test_image_builds_runs_as_non_root_and_scans_moto(t):
    if not have_podman():
        return
    r = podman("build", "--pull=never", "-f", "docker/Dockerfile", "-t", IMAGE, ".", cwd=SOURCE_DIR, timeout=1500)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    size = int(podman("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip())
    print("image size: %.1f MB" % (size / 1e6))

    r = podman("run", "--rm", "--pull=never", "--entrypoint", "id", IMAGE, "-u")
    assert r.returncode == 0 and r.stdout.strip() != "0", "image must not run as root: " + r.stdout + r.stderr

    r = podman("run", "--rm", "--pull=never", IMAGE, "version")
    assert r.returncode == 0 and r.stdout.startswith("osprey "), r.stdout + r.stderr

    m = t.moto()
    m.aws("s3api", "create-bucket", "--bucket", "container-test-bucket")
    env = ["-e", "AWS_ACCESS_KEY_ID=" + m.ACCESS_KEY, "-e", "AWS_SECRET_ACCESS_KEY=" + m.SECRET_KEY,
           "-e", "AWS_REGION=us-east-1", "-e", "AWS_EC2_METADATA_DISABLED=true", "-e", "CI=true"]
    r = podman("run", "--rm", "--pull=never", "--network", "host", *env, IMAGE,
               "aws", "--endpoint", m.endpoint, "--service", "s3", "--format", "json", "--quiet", timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    assert report["Accounts"] == [m.account_id], report["Accounts"]
    svc = [s for s in report["Services"] if s["Service"] == "s3"]
    assert svc and all(s["Status"] == "ok" for s in svc), report["Services"]
    assert any("container-test-bucket" in f["Resource"] for f in report["Findings"]), \
        "the seeded bucket (no encryption, no logging) should have findings"


if __name__ == "__main__":
    main(globals())
