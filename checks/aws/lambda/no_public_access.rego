# METADATA
# title: "Lambda function policies do not allow everyone"
# description: >-
#   A resource policy statement whose principal is '*' lets any AWS account, or anyone at all through
#   a function URL with AuthType NONE, invoke the function, unless a source condition restricts it.
#   AWS Foundational Security Best Practices Lambda.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: OSP-AWS-0013
#   avd_id: OSP-AWS-0013
#   provider: aws
#   impact: >-
#     Anyone can invoke a public function: run up its cost, reach whatever its role can reach, and
#     feed it input its authors never expected.
#   remediation:
#     console: >-
#       Lambda console > the function > Configuration > Permissions > Resource-based policy
#       statements: delete the statement with principal '*' (and set the function URL's auth type to
#       AWS_IAM).
#     cli: >-
#       aws lambda remove-permission --function-name FUNCTION --statement-id SID
#     terraform: >-
#       aws_lambda_permission: principal = a specific account or service with source_arn;
#       aws_lambda_function_url: authorization_type = AWS_IAM
#   service: lambda
#   severity: HIGH
#   short_code: no-public-access
#   recommended_action: "Remove '*' principals from the function policy; grant named accounts or services with a source condition."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: lambda
#             provider: aws
package builtin.aws.lambda.osp0013

import rego.v1

deny contains res if {
	some fn in input.aws.lambda.functions
	some perm in fn.permissions
	perm.principal.value == "*"
	object.get(perm, ["effect", "value"], "Allow") == "Allow"
	object.get(perm, ["sourcearn", "value"], "") == ""
	res := result.new(sprintf("Function '%s' can be invoked by anyone (statement '%s').", [object.get(fn, ["name", "value"], "?"), object.get(perm, ["statementid", "value"], "?")]), perm)
}
