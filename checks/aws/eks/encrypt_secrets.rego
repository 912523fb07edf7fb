# METADATA
# title: "EKS clusters encrypt Kubernetes secrets with a KMS key"
# description: >-
#   Envelope encryption of Kubernetes secrets with a KMS key adds a layer beyond the default etcd
#   volume encryption and lets you control and audit who can decrypt them.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html
# custom:
#   id: AVD-AWS-0039
#   avd_id: AVD-AWS-0039
#   provider: aws
#   impact: >-
#     Without envelope encryption, anyone who obtains an etcd backup or snapshot can read every
#     Kubernetes secret in it.
#   remediation:
#     console: >-
#       EKS console > the cluster > Overview > Secrets encryption > Enable: choose a KMS key.
#     cli: >-
#       aws eks associate-encryption-config --cluster-name CLUSTER --encryption-config
#       '[{"resources":["secrets"],"provider":{"keyArn":"KEY-ARN"}}]'
#     terraform: >-
#       aws_eks_cluster: encryption_config { resources = ["secrets"] provider { key_arn =
#       aws_kms_key.eks.arn } }
#   service: eks
#   severity: HIGH
#   short_code: encrypt-secrets
#   recommended_action: "Enable envelope encryption of secrets with a KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eks
#             provider: aws
package builtin.aws.eks.aws0039

import rego.v1

import data.lib.cloud.metadata

deny contains res if {
	some cluster in input.aws.eks.clusters
	not cluster.encryption.secrets.value
	res := result.new(sprintf("EKS cluster '%s' does not encrypt secrets with KMS.", [object.get(cluster, ["name", "value"], "")]), metadata.obj_by_path(cluster, ["encryption", "secrets"]))
}

deny contains res if {
	some cluster in input.aws.eks.clusters
	cluster.encryption.secrets.value
	object.get(cluster, ["encryption", "kmskeyid", "value"], "") == ""
	res := result.new(sprintf("EKS cluster '%s' encrypts secrets but names no KMS key.", [object.get(cluster, ["name", "value"], "")]), metadata.obj_by_path(cluster, ["encryption", "kmskeyid"]))
}
