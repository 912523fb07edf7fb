# METADATA
# title: "Lambda permissions for AWS services name the source"
# description: >-
#   A resource policy statement that lets an AWS service (s3.amazonaws.com, sns.amazonaws.com, ...)
#   invoke a function should restrict which resource may cause the call with an aws:SourceArn (or
#   aws:SourceAccount) condition; any condition operator counts (ArnLike, ArnEquals, StringEquals,
#   StringLike).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
# custom:
#   id: AVD-AWS-0067
#   avd_id: AVD-AWS-0067
#   provider: aws
#   impact: >-
#     Without a source condition, any resource of that service, in any AWS account, can invoke the
#     function: someone else's bucket or topic can trigger it (the confused deputy problem).
#   remediation:
#     console: >-
#       Lambda console > the function > Configuration > Permissions > Resource-based policy
#       statements: delete the statement and add it again with the Source ARN (and Source account)
#       filled in.
#     cli: >-
#       aws lambda remove-permission --function-name FUNCTION --statement-id SID; aws lambda add-
#       permission --function-name FUNCTION --statement-id SID --action lambda:InvokeFunction
#       --principal s3.amazonaws.com --source-arn arn:aws:s3:::BUCKET --source-account ACCOUNT
#     terraform: >-
#       aws_lambda_permission: source_arn = aws_s3_bucket.b.arn (and source_account)
#   service: lambda
#   severity: CRITICAL
#   short_code: restrict-source-arn
#   recommended_action: "Add a source ARN (or source account) condition to every service principal permission."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: lambda
#             provider: aws
package builtin.aws.lambda.aws0067

import rego.v1

deny contains res if {
	some fn in input.aws.lambda.functions
	some perm in fn.permissions
	endswith(perm.principal.value, ".amazonaws.com")
	object.get(perm, ["effect", "value"], "Allow") == "Allow"
	object.get(perm, ["sourcearn", "value"], "") == ""
	res := result.new(sprintf("Function '%s' lets %s invoke it on behalf of any source.", [object.get(fn, ["name", "value"], "?"), perm.principal.value]), perm)
}
