# METADATA
# title: S3 helpers
# description: Canned ACLs and grants that expose a bucket to everyone.
# custom:
#   library: true
package lib.aws.s3

import rego.v1

public_acls := {"public-read", "public-read-write", "website", "authenticated-read"}

public_grantee_uris := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
}

# The public access block (bucket or account level) neutralises ACLs.
acls_blocked(bucket) if bucket.publicaccessblock.ignorepublicacls.value == true

acls_blocked(_) if input.aws.s3.accountpublicaccessblock.ignorepublicacls.value == true

bucket_has_public_exposure_acl(bucket) if {
	bucket.acl.value in public_acls
	not acls_blocked(bucket)
}

bucket_has_public_grant(bucket) if {
	some grant in bucket.grants
	grant.grantee.uri.value in public_grantee_uris
	not acls_blocked(bucket)
}
