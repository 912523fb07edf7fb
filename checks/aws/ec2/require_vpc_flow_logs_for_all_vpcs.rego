# METADATA
# title: "Every VPC has flow logs"
# description: >-
#   VPC flow logs record accepted and rejected traffic to network interfaces; without them, network-
#   level investigation and anomaly detection have nothing to read. CIS asks for flow logs capturing
#   at least rejected traffic on every VPC.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: AVD-AWS-0178
#   avd_id: AVD-AWS-0178
#   provider: aws
#   impact: >-
#     VPC flow logs are the record of which addresses talked to which, on which ports. Without them
#     you cannot see scanning, data exfiltration or lateral movement, nor investigate it afterwards.
#   remediation:
#     console: >-
#       VPC console > Your VPCs > the VPC > Flow logs > Create flow log: Filter Reject (or All),
#       destination CloudWatch Logs (with a role) or S3.
#     cli: >-
#       aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC-ID --traffic-type REJECT
#       --log-destination-type s3 --log-destination arn:aws:s3:::FLOW-LOG-BUCKET
#     terraform: >-
#       aws_flow_log: vpc_id = aws_vpc.main.id, traffic_type = "REJECT", log_destination_type =
#       "s3", log_destination = the bucket ARN
#   service: ec2
#   severity: MEDIUM
#   short_code: require-vpc-flow-logs-for-all-vpcs
#   recommended_action: "Create a flow log (traffic type REJECT or ALL) for the VPC to CloudWatch Logs or S3."
#   frameworks:
#     cis-aws-1.2:
#       - "2.9"
#     cis-aws-1.4:
#       - "3.9"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0178

import rego.v1

# With osprey's flow log details: an active log of REJECT or ALL traffic.
logs_rejects(vpc) if {
	some fl in vpc.flowlogs
	fl.traffictype.value in {"REJECT", "ALL"}
	object.get(fl, ["status", "value"], "ACTIVE") == "ACTIVE"
}

# Trivy-style input without details.
logs_rejects(vpc) if {
	not vpc.flowlogs
	vpc.flowlogsenabled.value == true
}

deny contains res if {
	some vpc in input.aws.ec2.vpcs
	not logs_rejects(vpc)
	res := result.new(sprintf("VPC '%s' has no active flow log capturing rejected traffic.", [object.get(vpc, ["id", "value"], "?")]), vpc)
}
