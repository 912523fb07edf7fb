# METADATA
# title: "EMR security configurations and clusters encrypt data at rest"
# description: >-
#   At-rest encryption in an EMR security configuration covers EMRFS data in S3 and the cluster's
#   local disks. Trivy judges only security configurations; osprey also judges every active cluster
#   (STARTING, BOOTSTRAPPING, RUNNING, WAITING) through the configuration it was launched with,
#   joined by name, and fails a cluster launched without one. (FSBP EMR.3.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
# custom:
#   id: AVD-AWS-0137
#   avd_id: AVD-AWS-0137
#   provider: aws
#   impact: >-
#     Data the cluster writes to S3 and its local volumes is stored without EMR's encryption
#     settings applied.
#   remediation:
#     console: >-
#       EMR console > Security configurations > Create: Encryption: enable at-rest encryption (S3
#       and local disk); launch new clusters with it (a running cluster's configuration cannot be
#       changed).
#     cli: >-
#       aws emr create-security-configuration --name NAME --security-configuration
#       '{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true,"AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-S3"},"LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"KEY-ARN"}}}}'
#     terraform: >-
#       aws_emr_security_configuration: configuration = jsonencode({EncryptionConfiguration =
#       {EnableAtRestEncryption = true, ...}}); aws_emr_cluster: security_configuration =
#       aws_emr_security_configuration.x.name
#   service: emr
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Launch clusters with a security configuration that enables at-rest encryption."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: emr
#             provider: aws
package builtin.aws.emr.aws0137

import rego.v1

import data.lib.aws.emr

enable_at_rest_encryption(enc) if enc.EnableAtRestEncryption == true

deny contains res if {
	some sc in input.aws.emr.securityconfiguration
	not enable_at_rest_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR security configuration '%s' does not enable at-rest encryption.", [emr.name(sc)]), object.get(sc, "configuration", sc))
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	emr.config_name(cluster) == ""
	res := result.new(sprintf("EMR cluster '%s' has no security configuration, so no at-rest encryption.", [emr.name(cluster)]), cluster)
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	some sc in input.aws.emr.securityconfiguration
	sc.name.value == emr.config_name(cluster)
	not enable_at_rest_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR cluster '%s' runs with security configuration '%s', which does not enable at-rest encryption.", [emr.name(cluster), emr.name(sc)]), cluster)
}

not_evaluated contains reason if {
	some reason in emr.unknown_configuration
}
