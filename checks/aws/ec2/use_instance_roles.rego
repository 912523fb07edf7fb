# METADATA
# title: "EC2 instances use an instance role for AWS access"
# description: >-
#   Instances that call AWS without an instance profile must carry long-lived access keys on disk.
#   An instance role supplies short-lived credentials that rotate automatically.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
# custom:
#   id: OSP-AWS-0002
#   avd_id: OSP-AWS-0002
#   provider: aws
#   impact: >-
#     Without an instance role, software on the instance uses long-lived access keys stored on disk
#     or in user data; those never expire and leak with every image or backup. Role credentials are
#     temporary and rotated automatically.
#   remediation:
#     console: >-
#       Create a role for EC2 with the permissions the software needs; EC2 console > Instances > the
#       instance > Actions > Security > Modify IAM role: choose it. Then delete the stored keys and
#       deactivate them in IAM.
#     cli: >-
#       aws ec2 associate-iam-instance-profile --instance-id INSTANCE-ID --iam-instance-profile
#       Name=PROFILE
#     terraform: >-
#       aws_instance: iam_instance_profile = aws_iam_instance_profile.app.name
#   service: ec2
#   severity: MEDIUM
#   short_code: use-instance-roles
#   recommended_action: "Attach an IAM instance profile to the instance and remove stored access keys."
#   frameworks:
#     cis-aws-1.2:
#       - "1.19"
#     cis-aws-1.4:
#       - "1.18"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0002

import rego.v1

deny contains res if {
	some instance in input.aws.ec2.instances
	object.get(instance, ["iaminstanceprofile", "value"], "") == ""
	res := result.new(sprintf("Instance '%s' has no IAM instance profile.", [object.get(instance, ["id", "value"], "?")]), instance)
}
