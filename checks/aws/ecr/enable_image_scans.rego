# METADATA
# title: "ECR repositories scan images for vulnerabilities"
# description: >-
#   Images pushed to a repository should be scanned for known vulnerabilities, either by the
#   repository's scan on push setting or by a registry-level scanning rule (basic or enhanced) whose
#   filter matches the repository.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
# custom:
#   id: AVD-AWS-0030
#   avd_id: AVD-AWS-0030
#   provider: aws
#   impact: >-
#     Images with known vulnerable packages are deployed without anyone being told.
#   remediation:
#     console: >-
#       ECR console > Private registry > Settings > Scanning: add a scan-on-push (or continuous)
#       rule whose filter matches the repository.
#     cli: >-
#       aws ecr put-registry-scanning-configuration --scan-type BASIC --rules '[{"scanFrequency":"SC
#       AN_ON_PUSH","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]'
#     terraform: >-
#       aws_ecr_registry_scanning_configuration: scan_type = "BASIC", rule { scan_frequency =
#       "SCAN_ON_PUSH" repository_filter { filter = "*" filter_type = "WILDCARD" } } (or
#       aws_ecr_repository: image_scanning_configuration { scan_on_push = true })
#   service: ecr
#   severity: HIGH
#   short_code: enable-image-scans
#   recommended_action: "Scan images on push, through the registry's scanning rules or the repository setting."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecr
#             provider: aws
package builtin.aws.ecr.aws0030

import rego.v1

import data.lib.cloud.metadata

deny contains res if {
	some repo in input.aws.ecr.repositories
	not repo.imagescanning.scanonpush.value
	not registry_scans(object.get(repo, ["name", "value"], ""))
	res := result.new(sprintf("ECR repository '%s' does not scan images on push.", [object.get(repo, ["name", "value"], "")]), metadata.obj_by_path(repo, ["imagescanning", "scanonpush"]))
}

# Registry-level rules replace the repository setting (Trivy ignores them).
registry_scans(name) if {
	some rule in object.get(input.aws.ecr, ["registryscanning", "rules"], [])
	rule.scanfrequency.value in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in object.get(rule, "filters", [])
	object.get(f, ["filtertype", "value"], "WILDCARD") == "WILDCARD"
	regex.match(wildcard(f.filter.value), name)
}

# An ECR wildcard filter ("prod-*") as an anchored regular expression.
wildcard(filter) := concat("", ["^", replace(replace(filter, ".", "\\."), "*", ".*"), "$"])
