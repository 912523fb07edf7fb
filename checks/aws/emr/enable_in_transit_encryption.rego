# METADATA
# title: "EMR security configurations and clusters encrypt data in transit"
# description: >-
#   In-transit encryption in an EMR security configuration turns on TLS for the open-source
#   frameworks' traffic (Hadoop, Spark, Tez, Presto) between nodes and to S3. Trivy judges only
#   security configurations; osprey also judges every active cluster (STARTING, BOOTSTRAPPING,
#   RUNNING, WAITING) through the configuration it was launched with, joined by name, and fails a
#   cluster launched without one. (FSBP EMR.4.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
# custom:
#   id: AVD-AWS-0138
#   avd_id: AVD-AWS-0138
#   provider: aws
#   impact: >-
#     Shuffle data, RPC and web traffic between the cluster's nodes travel in clear inside the VPC.
#   remediation:
#     console: >-
#       EMR console > Security configurations > Create: Encryption: enable in-transit encryption
#       with a TLS certificate provider; launch new clusters with it.
#     cli: >-
#       aws emr create-security-configuration --name NAME --security-configuration
#       '{"EncryptionConfiguration":{"EnableInTransitEncryption":true,"InTransitEncryptionConfiguration":{"TLSCertificateConfiguration":{"CertificateProviderType":"PEM","S3Object":"s3://BUCKET/certs.zip"}},"EnableAtRestEncryption":true}}'
#     terraform: >-
#       aws_emr_security_configuration: configuration = jsonencode({EncryptionConfiguration =
#       {EnableInTransitEncryption = true, ...}})
#   service: emr
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Launch clusters with a security configuration that enables in-transit encryption."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: emr
#             provider: aws
package builtin.aws.emr.aws0138

import rego.v1

import data.lib.aws.emr

enable_in_transit_encryption(enc) if enc.EnableInTransitEncryption == true

deny contains res if {
	some sc in input.aws.emr.securityconfiguration
	not enable_in_transit_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR security configuration '%s' does not enable in-transit encryption.", [emr.name(sc)]), object.get(sc, "configuration", sc))
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	emr.config_name(cluster) == ""
	res := result.new(sprintf("EMR cluster '%s' has no security configuration, so no in-transit encryption.", [emr.name(cluster)]), cluster)
}

deny contains res if {
	some cluster in input.aws.emr.clusters
	some sc in input.aws.emr.securityconfiguration
	sc.name.value == emr.config_name(cluster)
	not enable_in_transit_encryption(emr.encryption(sc))
	res := result.new(sprintf("EMR cluster '%s' runs with security configuration '%s', which does not enable in-transit encryption.", [emr.name(cluster), emr.name(sc)]), cluster)
}

not_evaluated contains reason if {
	some reason in emr.unknown_configuration
}
