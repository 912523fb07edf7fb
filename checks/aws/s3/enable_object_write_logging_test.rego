package builtin.aws.s3.aws0171_test

import rego.v1

import data.builtin.aws.s3.aws0171 as check

trail(sel) := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [sel]}

data_sel(rw, values) := {"readwritetype": {"value": rw}, "dataresources": [{"type": {"value": "AWS::S3::Object"}, "values": values}]}

doc(t) := {"aws": {"cloudtrail": {"trails": t}, "s3": {"buckets": [{"name": {"value": "b"}}]}}}

test_fails_without_data_events if {
	count(check.deny) == 1 with input as doc([trail({"readwritetype": {"value": "All"}})])
}

test_fails_for_other_kind_only if {
	count(check.deny) == 1 with input as doc([trail(data_sel("ReadOnly", [{"value": "arn:aws:s3"}]))])
}

test_passes_for_all_buckets if {
	count(check.deny) == 0 with input as doc([trail(data_sel("All", [{"value": "arn:aws:s3"}]))])
}

test_passes_for_this_bucket if {
	count(check.deny) == 0 with input as doc([trail(data_sel("WriteOnly", [{"value": "arn:aws:s3:::b/"}]))])
}

test_other_bucket_selector_does_not_cover if {
	count(check.deny) == 1 with input as doc([trail(data_sel("All", [{"value": "arn:aws:s3:::bb/"}]))])
}

test_passes_with_default_selectors if {
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [], "advancedeventselectors": []}
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_passes_with_advanced_selector if {
	fs := [{"field": {"value": "eventCategory"}, "equals": [{"value": "Data"}]}, {"field": {"value": "resources.type"}, "equals": [{"value": "AWS::S3::Object"}]}]
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [], "advancedeventselectors": [{"fieldselectors": fs}]}
	count(check.deny) == 0 with input as doc([t])
}

test_silent_without_cloudtrail if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}]}}}
}

test_all_buckets_selector_in_another_partition if {
	b := {"name": {"value": "b"}}
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [{"readwritetype": {"value": "All"}, "dataresources": [{"type": {"value": "AWS::S3::Object"}, "values": [{"value": "arn:aws-cn:s3"}]}]}]}
	d := {"aws": {"s3": {"buckets": [b]}, "cloudtrail": {"trails": [t]}}, "osprey": {"partition": "aws-cn"}}
	count(check.deny) == 0 with input as d
	count(check.deny) == 1 with input as object.union(d, {"osprey": {"partition": "aws"}})
}
