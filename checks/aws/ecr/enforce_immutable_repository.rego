# METADATA
# title: "ECR image tags are immutable"
# description: >-
#   With mutable tags, pushing an image under an existing tag silently replaces what that tag
#   deploys; immutable tags (IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION for listed tags) make a tag name
#   one image.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: AVD-AWS-0031
#   avd_id: AVD-AWS-0031
#   provider: aws
#   impact: >-
#     Anyone allowed to push can replace the image behind a released tag, so a deployment may run
#     code nobody reviewed.
#   remediation:
#     console: >-
#       ECR console > Repositories > the repository > Edit: Tag immutability Immutable.
#     cli: >-
#       aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE
#     terraform: >-
#       aws_ecr_repository: image_tag_mutability = "IMMUTABLE"
#   service: ecr
#   severity: HIGH
#   short_code: enforce-immutable-repository
#   recommended_action: "Set the repository's tag mutability to IMMUTABLE."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecr
#             provider: aws
package builtin.aws.ecr.aws0031

import rego.v1

import data.lib.cloud.metadata

# imagetagsimmutable is true for IMMUTABLE and IMMUTABLE_WITH_EXCLUSION (Trivy: IMMUTABLE only).
deny contains res if {
	some repo in input.aws.ecr.repositories
	not repo.imagetagsimmutable.value
	res := result.new(sprintf("ECR repository '%s' has mutable image tags.", [object.get(repo, ["name", "value"], "")]), metadata.obj_by_path(repo, ["imagetagsimmutable"]))
}
