# METADATA
# title: "EMR security configurations and clusters encrypt local disks"
# description: >-
#   Local-disk encryption (a key provider in
#   AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration, with at-rest encryption on)
#   encrypts the instances' EBS and instance-store volumes that hold HDFS and spill data. A
#   configuration with no local-disk block fails (Trivy's test of an empty provider type is
#   undefined then, so it passes). Trivy judges only security configurations; osprey also judges
#   every active cluster (STARTING, BOOTSTRAPPING, RUNNING, WAITING) through the configuration it
#   was launched with, joined by name, and fails a cluster launched without one.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
# custom:
#   id: AVD-AWS-0139
#   avd_id: AVD-AWS-0139
#   provider: aws
#   impact: >-
#     HDFS blocks, shuffle and spill files on the nodes' volumes are stored in clear.
#   remediation:
#     console: >-
#       EMR console > Security configurations > Create: At-rest encryption > Local disk encryption:
#       AWS KMS key (or a custom provider); launch new clusters with it.
#     cli: >-
#       aws emr create-security-configuration --name NAME --security-configuration
#       '{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"AtRestEncryptionConfiguration":{"LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"KEY-ARN"}},"EnableInTransitEncryption":true}}'
#     terraform: >-
#       aws_emr_security_configuration: LocalDiskEncryptionConfiguration =
#       {EncryptionKeyProviderType = "AwsKms", AwsKmsKey = aws_kms_key.emr.arn}
#   service: emr
#   severity: HIGH
#   short_code: enable-local-disk-encryption
#   recommended_action: "Launch clusters with a security configuration that encrypts local disks."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: emr
#             provider: aws
package builtin.aws.emr.aws0139

import rego.v1

import data.lib.aws.emr

enable_local_disk_encryption(enc) if {
	enc.EnableAtRestEncryption == true
	provider := enc.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EncryptionKeyProviderType
	is_string(provider)
	provider != ""
}

deny contains res if {
	some sc in input.aws.emr.securityconfiguration
	not enable_local_disk_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR security configuration '%s' does not enable local-disk encryption.", [emr.name(sc)]), object.get(sc, "configuration", sc))
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	emr.config_name(cluster) == ""
	res := result.new(sprintf("EMR cluster '%s' has no security configuration, so no local-disk encryption.", [emr.name(cluster)]), cluster)
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	some sc in input.aws.emr.securityconfiguration
	sc.name.value == emr.config_name(cluster)
	not enable_local_disk_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR cluster '%s' runs with security configuration '%s', which does not enable local-disk encryption.", [emr.name(cluster), emr.name(sc)]), cluster)
}

not_evaluated contains reason if {
	some reason in emr.unknown_configuration
}
