"""An AWS Organization scanned on a job matrix (issue 18), simulated on one moto server: an
organization of 20 member accounts, each seeded with misconfigured S3 and IAM resources and reached
through OrganizationAccountAccessRole. `osprey org plan` lists the 20 accounts; 20 shard scans run
as parallel processes; `osprey merge --plan` gives exactly the union of the shards' findings (no
fingerprint twice, none lost) with the per-account table, and a shard report that is missing makes
the merged run incomplete, naming its account."""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import OSPREY_BIN, SHARED_DIR, SOURCE_DIR, main, run_osprey  # noqa: E402
import validate_json_schema  # noqa: E402

N_ACCOUNTS = 20
ADMIN_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def schema_ok(schema, path):
    errors = validate_json_schema.validate(schema, json.load(open(path, encoding="utf-8")))
    assert not errors, "%s invalid against %s:\n%s" % (path, schema, "\n".join(errors[:20]))


SARIF_SCHEMA = os.path.join(SHARED_DIR, "reference", "sarif-schema-2.1.0.json")
REPORT_SCHEMA = os.path.join(SOURCE_DIR, "formats", "osprey-report.schema.json")


def member_client(m, service, account):
    """A boto3 client inside a member account, through its OrganizationAccountAccessRole."""
    import boto3
    c = m.client("sts").assume_role(RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % account,
                                    RoleSessionName="seed")["Credentials"]
    return boto3.client(service, endpoint_url=m.endpoint, region_name="us-east-1", aws_access_key_id=c["AccessKeyId"],
                        aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])


def organization(t, n, seed=True):
    """A moto whose accounts follow the credentials (no MOTO_ACCOUNT_ID), an organization with n
    member accounts, each (seed) with a bucket and an IAM user holding an admin inline policy and a key."""
    m = t.moto(account_id=None)
    org = m.client("organizations")
    org.create_organization(FeatureSet="ALL")
    ids = []
    for i in range(n):
        st = org.create_account(Email="member%d@example.com" % i, AccountName="member-%02d" % i)["CreateAccountStatus"]
        ids.append(st["AccountId"])
    for a in ids if seed else []:  # moto is not safe under concurrent writes: one account after another
        member_client(m, "s3", a).create_bucket(Bucket="data-%s" % a)
        iam = member_client(m, "iam", a)
        iam.create_user(UserName="deploy")
        iam.put_user_policy(UserName="deploy", PolicyName="everything", PolicyDocument=ADMIN_POLICY)
        iam.create_access_key(UserName="deploy")
    return m, sorted(ids)


def scan_args(accounts, out, concurrency="4"):
    return ["aws", "--accounts", accounts, "--service", "s3,iam", "--region", "us-east-1", "--concurrency", concurrency,
            "--quiet", "--format", "json=%s" % out]


def fingerprints(report):
    return [f["Fingerprint"] for f in report.get("Findings", [])]


def account_rows(stderr):
    """ACCOUNT -> (STATUS, FINDINGS) from merge's per-account table."""
    rows = {}
    for line in stderr.splitlines():
        m = re.match(r"^(\d{12}|TOTAL)\s+(NOT SCANNED|complete|incomplete)\s+(\d+)\s", line)
        if m:
            rows[m.group(1)] = (m.group(2), int(m.group(3)))
    return rows


def test_organization_plan_shards_and_merge(t):
    m, ids = organization(t, N_ACCOUNTS)
    env = m.env()
    plan_json, plan_txt = os.path.join(t.tmp, "plan.json"), os.path.join(t.tmp, "plan.txt")

    # 1. the plan lists every member account (the management account is left out, with a warning)
    r = run_osprey(["org", "plan", "--format", "github=" + plan_json, "--format", "lines=" + plan_txt], env=env)
    assert r.returncode == 0, r.stderr
    assert "management account 123456789012 is left out" in r.stderr, r.stderr
    matrix = json.load(open(plan_json))["include"]
    assert [s["shard"] for s in matrix] == [str(i + 1) for i in range(N_ACCOUNTS)], matrix
    assert sorted(s["accounts"] for s in matrix) == ids and {s["role"] for s in matrix} == {
        "OrganizationAccountAccessRole"}, matrix
    lines = [x for x in open(plan_txt).read().splitlines() if not x.startswith("#")]
    assert lines == ids, lines
    r = run_osprey(["org", "plan", "--shard-size", "6", "--exclude", ids[0]], env=env)
    assert r.returncode == 0 and [len(x.split(",")) for x in r.stdout.splitlines()[1:]] == [6, 6, 6, 1], r.stdout
    r = run_osprey(["org", "plan", "--jobs", "3", "--include", ",".join(ids[:5])], env=env)
    assert r.returncode == 0 and r.stdout.splitlines()[1:] == [",".join(ids[0:2]), ",".join(ids[2:4]), ids[4]], r.stdout

    # 2. one process per shard, all at once, each through the member role of its account
    shard_dir = os.path.join(t.tmp, "shards")
    os.makedirs(shard_dir)
    procs = []
    for s in matrix:
        out = os.path.join(shard_dir, "shard-%s.json" % s["shard"])
        procs.append(subprocess.Popen([OSPREY_BIN] + scan_args(s["accounts"], out), env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    shards = {s["accounts"]: json.load(open(os.path.join(shard_dir, "shard-%s.json" % s["shard"]))) for s in matrix}
    union = []
    for a, rep in shards.items():
        assert rep["Accounts"] == [a] and rep["Status"] == "complete", (a, rep.get("Gaps"))
        assert {f["Account"] for f in rep["Findings"]} == {a}
        assert any(f["Service"] == "s3" for f in rep["Findings"]) and any(f["Service"] == "iam" for f in rep["Findings"])
        union += fingerprints(rep)
    assert len(union) == len(set(union)) and len(union) >= 5 * N_ACCOUNTS, len(union)

    # 3. merge: exactly the union, with the per-account table
    merged = os.path.join(t.tmp, "org.json")
    r = run_osprey(["merge", "--plan", plan_json, shard_dir, "-o", merged], env=env)
    assert r.returncode == 0, r.stderr
    schema_ok(REPORT_SCHEMA, merged)
    rep = json.load(open(merged))
    got = fingerprints(rep)
    assert len(got) == len(set(got)), "a fingerprint twice in the merged report"
    assert sorted(got) == sorted(union), "merged findings differ from the union of the shards"
    assert rep["Accounts"] == ids and rep["Status"] == "complete" and not rep.get("Gaps"), rep.get("Gaps")
    rows = account_rows(r.stderr)
    assert set(rows) == set(ids) | {"TOTAL"}, r.stderr
    for a in ids:
        assert rows[a] == ("complete", len(shards[a]["Findings"])), (a, rows[a])
    assert rows["TOTAL"] == ("complete", len(union)), rows["TOTAL"]
    # merging a shard twice (a retried job uploaded twice) changes nothing
    again = os.path.join(t.tmp, "again.json")
    first = os.path.join(shard_dir, "shard-1.json")
    r = run_osprey(["merge", "--plan", plan_txt, shard_dir, first, "-o", again], env=env)
    assert r.returncode == 0, r.stderr
    assert open(again).read() == open(merged).read(), "merge is not deterministic or kept a duplicate"

    # 4. the same accounts in one process (--accounts, several at once) give the same findings
    one = os.path.join(t.tmp, "one.json")
    r = run_osprey(scan_args(",".join(ids), one, concurrency="32"), env=env)
    assert r.returncode == 0, r.stderr
    assert sorted(fingerprints(json.load(open(one)))) == sorted(union)

    # 5. SARIF: one category per account, or one for the organization
    r = run_osprey(["merge", "--plan", plan_json, shard_dir, "--format", "sarif=" + os.path.join(t.tmp, "a.sarif"),
                    "--sarif-category", "account", "--quiet"], env=env)
    assert r.returncode == 0, r.stderr
    schema_ok(SARIF_SCHEMA, os.path.join(t.tmp, "a.sarif"))
    runs = json.load(open(os.path.join(t.tmp, "a.sarif")))["runs"]
    cats = [x["automationDetails"]["id"] for x in runs]
    assert len(runs) == N_ACCOUNTS and len(set(cats)) == N_ACCOUNTS, cats
    assert all(c.startswith("osprey/aws/%s/" % a) for c, a in zip(cats, ids)), cats
    assert sum(len(x["results"]) for x in runs) == len(union)
    assert "at most 20 per file" not in r.stderr
    r = run_osprey(["merge", shard_dir, "--format", "sarif=" + os.path.join(t.tmp, "o.sarif"), "--sarif-category", "org",
                    "--quiet"], env=env)
    runs = json.load(open(os.path.join(t.tmp, "o.sarif")))["runs"]
    assert r.returncode == 0 and len(runs) == 1 and runs[0]["automationDetails"]["id"] == "osprey/aws/org/", runs[0][
        "automationDetails"]
    assert len(runs[0]["results"]) == len(union)

    # 6. a shard report missing: the merged run is incomplete and names the account
    lost = matrix[6]
    os.remove(os.path.join(shard_dir, "shard-%s.json" % lost["shard"]))
    partial = os.path.join(t.tmp, "partial.json")
    r = run_osprey(["merge", "--plan", plan_json, shard_dir, "-o", partial], env=env)
    assert r.returncode == 0, r.stderr  # no gate: reported, not failed
    schema_ok(REPORT_SCHEMA, partial)
    rep = json.load(open(partial))
    assert rep["Status"] == "incomplete", rep["Status"]
    gaps = rep["Gaps"]
    assert [(g["Kind"], g["Account"], g["Code"]) for g in gaps] == [("account", lost["accounts"], "no-shard-report")], gaps
    assert "shard 7" in gaps[0]["Message"], gaps
    assert lost["accounts"] in rep["Accounts"]
    assert sorted(fingerprints(rep)) == sorted(set(union) - set(fingerprints(shards[lost["accounts"]])))
    rows = account_rows(r.stderr)
    assert rows[lost["accounts"]] == ("NOT SCANNED", 0) and rows["TOTAL"][0] == "incomplete", r.stderr
    # under a gate the incomplete run exits 6 and says which account is missing
    r = run_osprey(["merge", "--plan", plan_json, shard_dir, "--format", "table", "--fail-on", "CRITICAL"], env=env)
    assert r.returncode == 6, (r.returncode, r.stderr)
    assert lost["accounts"] in r.stderr and lost["accounts"] in r.stdout, (r.stdout[-800:], r.stderr)
    # ... unless that gap is accepted by its account id
    r = run_osprey(["merge", "--plan", plan_json, shard_dir, "--threshold", "CRITICAL=1000", "--allow-incomplete",
                    lost["accounts"], "-o", os.path.join(t.tmp, "accepted.json")], env=env)
    assert r.returncode == 0, r.stderr
    assert json.load(open(os.path.join(t.tmp, "accepted.json")))["Status"] == "complete"
    rows = account_rows(r.stderr)
    assert rows[lost["accounts"]] == ("NOT SCANNED", 0) and rows["TOTAL"][0] == "complete", r.stderr


def test_member_role_that_cannot_be_assumed_is_an_account_gap(t):
    from faultproxy import FaultProxy
    m, ids = organization(t, 3)
    denied = ids[1]

    def answer(method, path, headers, body):
        if b"Action=AssumeRole" in (body or b"") and denied.encode() in (body or b""):
            return (403, {"Content-Type": "text/xml"},
                    b"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to "
                    b"perform sts:AssumeRole</Message></Error><RequestId>r1</RequestId></ErrorResponse>")
        return None

    p = FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=answer)
    p.start()
    try:
        env = m.env(AWS_ENDPOINT_URL=p.endpoint)
        out = os.path.join(t.tmp, "r.json")
        r = run_osprey(scan_args(",".join(ids), out, concurrency="16") + ["--fail-on", "CRITICAL", "--debug"], env=env)
        assert r.returncode == 6, (r.returncode, r.stderr)
        # each scanned account had a client, and so token buckets, of its own
        per = re.findall(r"account (\d{12}): requests and rate limits of its own client:\n"
                         r"osprey: debug: aws: \d+ HTTP requests.*\n(?:osprey: debug: aws: (?:iam|s3): .*\n){2}", r.stderr)
        assert sorted(per) == [ids[0], ids[2]], r.stderr[-3000:]
        assert "account %s not scanned" % denied in r.stderr and "AccessDenied" in r.stderr, r.stderr
        rep = json.load(open(out))
        assert rep["Status"] == "incomplete" and rep["Accounts"] == ids, rep
        assert [(g["Kind"], g["Account"], g["Code"]) for g in rep["Gaps"]] == [("account", denied, "AccessDenied")]
        assert {f["Account"] for f in rep["Findings"]} == {ids[0], ids[2]}
        # the table says so too
        r = run_osprey(["convert", out, "--format", "table"], env=env)
        assert "account %s" % denied in r.stdout, r.stdout[-1500:]
    finally:
        p.stop()


def test_member_role_names_and_templates(t):
    m, ids = organization(t, 1)
    env = m.env()
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(scan_args(ids[0], out) + ["--member-role-name", "arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                                             "--debug"], env=env)
    assert r.returncode == 0, r.stderr
    assert "account %s through arn:aws:iam::%s:role/OrganizationAccountAccessRole" % (ids[0], ids[0]) in r.stderr
    assert json.load(open(out))["Accounts"] == ids
    # --region all: each member's own enabled regions (ec2:DescribeRegions through its role)
    r = run_osprey(["aws", "--accounts", ids[0], "--region", "all", "--service", "iam", "--quiet", "--format",
                    "json=" + out], env=env)
    assert r.returncode == 0, r.stderr
    rep = json.load(open(out))
    assert len(rep["Regions"]) > 10 and "eu-west-1" in rep["Regions"] and rep["Status"] == "complete", rep["Regions"]


def test_plan_under_organizational_units(t):
    m, ids = organization(t, 5)
    org = m.client("organizations")
    root = org.list_roots()["Roots"][0]["Id"]
    prod = org.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"]
    eu = org.create_organizational_unit(ParentId=prod, Name="eu")["OrganizationalUnit"]["Id"]
    sandbox = org.create_organizational_unit(ParentId=root, Name="sandbox")["OrganizationalUnit"]["Id"]
    for a, ou in ((ids[0], prod), (ids[1], eu), (ids[2], eu), (ids[3], sandbox)):
        org.move_account(AccountId=a, SourceParentId=root, DestinationParentId=ou)
    env = m.env()
    r = run_osprey(["org", "plan", "--ou", prod], env=env)  # prod and, recursively, eu
    assert r.returncode == 0 and r.stdout.splitlines()[1:] == ids[:3], (r.stdout, r.stderr)
    r = run_osprey(["org", "plan", "--ou", "%s,%s" % (eu, sandbox), "--exclude", ids[2]], env=env)
    assert r.returncode == 0 and r.stdout.splitlines()[1:] == [ids[1], ids[3]], r.stdout
    r = run_osprey(["org", "plan", "--ou", root, "--include-management", "--shard-size", "10"], env=env)
    assert r.returncode == 0 and r.stdout.splitlines()[1:] == [",".join(sorted(ids + ["123456789012"]))], r.stdout
    assert "left out" not in r.stderr, r.stderr
    r = run_osprey(["org", "plan", "--ou", sandbox, "--include", ids[0]], env=env)  # nothing left
    assert r.returncode == 4 and "no active account" in r.stderr and "--include %s" % ids[0] in r.stderr, r.stderr
    r = run_osprey(["org", "plan", "--format", "gitlab", "--jobs", "2"], env=env)
    assert r.returncode == 0 and r.stdout.count("OSPREY_ACCOUNTS:") == 2, r.stdout


def test_plan_fits_the_ci_systems_matrix_limits(t):
    m, ids = organization(t, 257, seed=False)
    env = m.env()
    r = run_osprey(["org", "plan", "--format", "github"], env=env)
    assert r.returncode == 2 and "257 shards exceed GitHub's 256 jobs" in r.stderr and "--shard-size to at least 2" in \
        r.stderr, r.stderr
    lines = os.path.join(t.tmp, "plan.txt")
    r = run_osprey(["org", "plan", "--format", "lines=" + lines, "--format", "gitlab", "--shard-size", "1"], env=env)
    assert r.returncode == 2 and "GitLab's 200 jobs per parallel:matrix" in r.stderr, r.stderr
    assert not os.path.exists(lines), "an output was written before the plan was refused"
    r = run_osprey(["org", "plan", "--format", "github", "--jobs", "64"], env=env)
    assert r.returncode == 0, r.stderr
    matrix = json.loads(r.stdout)["include"]
    assert len(matrix) == 52 and {len(x["accounts"].split(",")) for x in matrix} == {5, 2}, len(matrix)
    assert sorted(",".join(x["accounts"] for x in matrix).split(",")) == ids
    r = run_osprey(["org", "plan"], env=env)  # lines: no limit
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 258, r.stderr


def test_bad_input_is_a_usage_error(t):
    env = {"PATH": os.environ["PATH"], "AWS_EC2_METADATA_DISABLED": "true"}
    plan = os.path.join(t.tmp, "plan.txt")
    cases = [
        (["aws", "--accounts", "12345"], "invalid --accounts '12345'"),
        (["aws", "--accounts", "111111111111", "--account", "111111111111"], "exclude each other"),
        (["aws", "--accounts", "111111111111,111111111111", "--region", "us-east-1"], "names 111111111111 twice"),
        (["aws", "--accounts", "111111111111", "--offline"], "does not go with --offline"),
        (["aws", "--member-role-name", "arn:aws:iam::123456789012:role/x"], "must name {account}"),
        (["aws", "--member-role-name", "bad role"], "invalid --member-role-name"),
        (["org", "plan", "--format", "xml"], "unknown --format 'xml'"),
        (["org", "plan", "--shard-size", "0"], "invalid --shard-size '0'"),
        (["org", "plan", "--ou", "x-1"], "expected an OU id"),
        (["org", "plan", "--include", "12"], "12-digit"),
        (["org", "plan", "--jobs", "2", "--shard-size", "2"], "exclude each other"),
        (["org", "nothing"], "unknown org command"),
        (["merge", "--plan", os.path.join(t.tmp, "missing.txt"), "x.json"], "cannot read the plan"),
        (["merge", "--plan", plan, "x.json"], "is planned twice"),
        (["merge", "--sarif-category", "a b", "x.json"], "invalid --sarif-category"),
        (["merge"], "at least one report"),
    ]
    open(plan, "w").write("# osprey org plan\n111111111111,222222222222\n111111111111\n")
    for args, want in cases:
        r = run_osprey(args, env=env)
        assert r.returncode == 2 and want in r.stderr, (args, r.returncode, r.stderr)
    for args in (["help", "org"], ["org", "plan", "--help"], ["help", "merge"]):
        r = run_osprey(args, env=env)
        assert r.returncode == 0 and "Usage: osprey " + args[-1 if args[0] == "help" else 0] in r.stdout, (args, r.stdout)
    open(plan, "w").write("111111111111\nabc\n")
    r = run_osprey(["merge", "--plan", plan, "x.json"], env=env)
    assert r.returncode == 2 and "plan.txt:2: 'abc' is not a 12-digit account id" in r.stderr, r.stderr
    # a plan and no shard report at all: every planned account is a gap
    open(plan, "w").write('{"include":[{"shard":"1","accounts":"111111111111,222222222222"}]}')
    r = run_osprey(["merge", "--plan", plan, "--fail-on", "HIGH"], env=env)
    assert r.returncode == 6, r.stderr
    rep = json.loads(r.stdout)
    assert [g["Account"] for g in rep["Gaps"]] == ["111111111111", "222222222222"], rep


if __name__ == "__main__":
    main(globals())
