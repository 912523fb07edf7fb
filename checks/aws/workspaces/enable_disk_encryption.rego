# METADATA
# title: "WorkSpaces root and user volumes are encrypted"
# description: >-
#   A WorkSpace has a root volume (the operating system, caches, temporary files) and a user volume
#   (the user's profile and documents). Both can be encrypted with a KMS key, but only when the
#   WorkSpace is created. AWS Foundational Security Best Practices controls WorkSpaces.1 (user
#   volumes) and WorkSpaces.2 (root volumes). DescribeWorkspaces leaves the encryption flags out
#   when they are false; osprey reads a missing flag as unencrypted.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/workspaces-controls.html
# custom:
#   id: AVD-AWS-0109
#   avd_id: AVD-AWS-0109
#   provider: aws
#   impact: >-
#     Documents, cached credentials and browser data on the WorkSpace's volumes (and their
#     snapshots) are stored unencrypted, outside KMS access control and audit.
#   remediation:
#     console: >-
#       WorkSpaces console: encryption cannot be added to an existing WorkSpace. Launch a new
#       WorkSpace for the user with Root volume and User volume encryption and a KMS key, move
#       the data, then remove the old one.
#     cli: >-
#       aws workspaces create-workspaces --workspaces
#       DirectoryId=D,UserName=U,BundleId=B,VolumeEncryptionKey=KEY-
#       ARN,UserVolumeEncryptionEnabled=true,RootVolumeEncryptionEnabled=true
#     terraform: >-
#       aws_workspaces_workspace: root_volume_encryption_enabled = true,
#       user_volume_encryption_enabled = true, volume_encryption_key = aws_kms_key.ws.arn
#   service: workspaces
#   severity: HIGH
#   short_code: enable-disk-encryption
#   recommended_action: "Re-create the WorkSpace with root and user volume encryption."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: workspaces
#             provider: aws
package builtin.aws.workspaces.aws0109

import rego.v1

deny contains res if {
	some ws in input.aws.workspaces.workspaces
	not ws.rootvolume.encryption.enabled.value == true
	res := result.new(sprintf("Root volume of WorkSpace '%s' is not encrypted.", [object.get(ws, ["id", "value"], "")]), object.get(ws, ["rootvolume", "encryption"], ws))
}

deny contains res if {
	some ws in input.aws.workspaces.workspaces
	not ws.uservolume.encryption.enabled.value == true
	res := result.new(sprintf("User volume of WorkSpace '%s' is not encrypted.", [object.get(ws, ["id", "value"], "")]), object.get(ws, ["uservolume", "encryption"], ws))
}
