package custom.s3.encryption

import rego.v1

test_unencrypted_bucket_is_denied if {
	deny == {"bucket a is not encrypted"} with input as {"aws": {"s3": {"buckets": [{"name": "a"}]}}}
}

test_encrypted_bucket_passes if {
	count(deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": "a", "encryption": {"enabled": true}}]}}}
}

test_no_buckets_no_findings if {
	count(deny) == 0 with input as {"aws": {"s3": {"buckets": []}}}
}

# data files found under a directory sit at that directory's path (as with opa)
test_data_file_is_namespaced_by_directory if {
	data.limits.max_buckets == 2
}
