# METADATA
# title: "Lambda functions have X-Ray active tracing"
# description: >-
#   Active tracing samples invocations and records them in AWS X-Ray, so the path of a request through
#   the function and the services it calls can be followed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
# custom:
#   id: AVD-AWS-0066
#   avd_id: AVD-AWS-0066
#   provider: aws
#   impact: >-
#     Without tracing, slow or failing calls and unexpected downstream access from a function are hard
#     to see and to investigate.
#   remediation:
#     console: >-
#       Lambda console > the function > Configuration > Monitoring and operations tools > Edit: AWS
#       X-Ray Active tracing: on.
#     cli: >-
#       aws lambda update-function-configuration --function-name FUNCTION --tracing-config Mode=Active
#     terraform: >-
#       aws_lambda_function: tracing_config { mode = Active }
#   service: lambda
#   severity: LOW
#   short_code: enable-tracing
#   recommended_action: "Turn on X-Ray active tracing for the function."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: lambda
#             provider: aws
package builtin.aws.lambda.aws0066

import rego.v1

deny contains res if {
	some fn in input.aws.lambda.functions
	not fn.tracing.mode.value == "Active"
	res := result.new(sprintf("Function '%s' does not have active tracing.", [object.get(fn, ["name", "value"], "?")]), object.get(fn, ["tracing", "mode"], fn))
}
