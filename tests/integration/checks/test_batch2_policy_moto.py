"""The README's minimal IAM policy lets ecs, codebuild and the ec2 launch configurations collect
completely under moto's IAM enforcement, and without their actions the services fail (the policy is
what allowed them). cloudfront is checked by action name only: with auth on, moto 5.2.1 answers
every CloudFront request (boto3's too) with an empty 403."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402
import test_codebuild_moto  # noqa: E402
import test_ecs_moto  # noqa: E402
import test_launch_configs_moto  # noqa: E402

SERVICES = ("ecs", "codebuild", "ec2")
PREFIXES = ("ecs:", "codebuild:", "autoscaling:")
NAMED = ("ecs:ListClusters", "ecs:DescribeClusters", "ecs:ListTaskDefinitionFamilies", "ecs:DescribeTaskDefinition",
         "codebuild:ListProjects", "codebuild:BatchGetProjects", "autoscaling:DescribeLaunchConfigurations",
         "cloudfront:ListDistributions", "cloudfront:GetDistributionConfig", "logs:DescribeDeliverySources",
         "logs:DescribeDeliveries")


def readme_policy():
    text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "README.md")).read()
    block = text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


def seeded(t):
    m = t.moto()
    test_ecs_moto.seed(m)
    test_codebuild_moto.seed(m)
    test_launch_configs_moto.seed(m)
    return m


def scan(t, m, policy, name):
    key = m.iam_user("scanner", json.dumps(policy))
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1"] + sum((["--service", s] for s in SERVICES), [])
                   + ["--cache-dir", os.path.join(t.tmp, name), "--format", "json"], env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    return json.loads(r.stdout)


def test_readme_policy_covers_the_batch2_reads(t):
    policy = readme_policy()
    actions = policy["Statement"][0]["Action"]
    assert not [a for a in NAMED if a not in actions], [a for a in NAMED if a not in actions]
    rep = scan(t, seeded(t), policy, "a")
    assert sorted((s["Service"], s["Status"]) for s in rep["Services"]) == sorted((s, "ok") for s in SERVICES), \
        rep["Services"]
    assert not rep.get("Gaps"), rep.get("Gaps")
    actions[:] = [a for a in actions if not a.startswith(PREFIXES)]
    rep = scan(t, seeded(t), policy, "b")
    assert all(s["Status"] == "failed" for s in rep["Services"]), rep["Services"]


if __name__ == "__main__":
    main(globals())
