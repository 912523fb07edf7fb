# METADATA
# title: "A security contact is registered for the account"
# description: >-
#   AWS sends security notices (abuse reports, compromised credentials) to the security alternate
#   contact. Without one they go only to the root email address, which may not be read.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
# custom:
#   id: OSP-AWS-0001
#   avd_id: OSP-AWS-0001
#   provider: aws
#   impact: >-
#     When AWS detects abuse, a compromise or a security issue in the account, it writes to the
#     security contact. Without one, the notice goes to the root email address, which is often an
#     unread mailbox.
#   remediation:
#     console: >-
#       Account menu > Account > Alternate contacts > Security > Edit: name, title, email (a team
#       list) and phone.
#     cli: >-
#       aws account put-alternate-contact --alternate-contact-type SECURITY --name "Security team"
#       --title "Security" --email-address security@example.com --phone-number +1-555-0100
#     terraform: >-
#       aws_account_alternate_contact: alternate_contact_type = "SECURITY", name, title,
#       email_address, phone_number
#   service: account
#   severity: LOW
#   short_code: register-security-contact
#   recommended_action: "Set the SECURITY alternate contact (Account settings, or aws account put-alternate-contact --alternate-contact-type SECURITY)."
#   frameworks:
#     cis-aws-1.2:
#       - "1.18"
#     cis-aws-1.4:
#       - "1.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: account
#             provider: aws
package builtin.aws.account.osp0001

import rego.v1

import data.lib.osprey

registered if {
	some c in input.aws.account.alternatecontacts
	c.type.value == "SECURITY"
	object.get(c, ["emailaddress", "value"], "") != ""
}

deny contains res if {
	input.aws.account
	not registered
	res := result.new("No security alternate contact is registered.", osprey.cause(osprey.account_arn("account", "", "alternate-contact/SECURITY")))
}
