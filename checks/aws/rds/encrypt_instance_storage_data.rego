# METADATA
# title: "RDS instances are encrypted at rest"
# description: >-
#   Encryption at rest covers a DB instance's storage, automated backups, read replicas and snapshots.
#   CIS AWS Foundations asks for it on every RDS instance.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
# custom:
#   id: AVD-AWS-0080
#   avd_id: AVD-AWS-0080
#   provider: aws
#   impact: >-
#     Unencrypted storage, backups and snapshots expose the data to anyone who obtains the media or a
#     copy of a snapshot.
#   remediation:
#     console: >-
#       Encryption is chosen at creation: snapshot the instance, copy the snapshot with 'Enable
#       encryption' (RDS console > Snapshots > Actions > Copy snapshot), restore a new instance from
#       the copy and switch clients to it.
#     cli: >-
#       aws rds copy-db-snapshot --source-db-snapshot-identifier SNAP --target-db-snapshot-identifier
#       SNAP-ENC --kms-key-id KEY-ARN; aws rds restore-db-instance-from-db-snapshot --db-snapshot-
#       identifier SNAP-ENC --db-instance-identifier NEW-ID
#     terraform: >-
#       aws_db_instance: storage_encrypted = true (kms_key_id = aws_kms_key.rds.arn)
#   service: rds
#   severity: HIGH
#   short_code: encrypt-instance-storage-data
#   recommended_action: "Encrypt the instance (restore it from an encrypted copy of a snapshot)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0080

import rego.v1

deny contains res if {
	some instance in input.aws.rds.instances
	not instance.encryption.encryptstorage.value == true
	res := result.new(sprintf("DB instance '%s' is not encrypted at rest.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), object.get(instance, ["encryption", "encryptstorage"], instance))
}
