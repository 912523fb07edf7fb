# METADATA
# title: CloudTrail and CloudWatch alarm helpers
# description: Multi-region trails, their log groups, metric filters and the alarms on them.
# custom:
#   library: true
package lib.aws.trails

import rego.v1

multiregion_log_trails := [trail |
	some trail in object.get(object.get(input.aws, "cloudtrail", {}), "trails", [])
	trail.ismultiregion.value == true
	trail.islogging.value == true
]

_squash(s) := replace(regex.replace(s, `\s+`, ""), `"`, "")

# A filter pattern matches when every required term appears in it (whitespace
# and double quotes ignored): terms are like `$.eventName=CreateTrail`.
pattern_has_terms(pattern, terms) if {
	p := _squash(pattern)
	every t in terms {
		contains(p, _squash(t))
	}
}

# Trivy-compatible: patterns is a string or an array of alternative strings.
_pattern_matches(pattern, patterns) if {
	not is_array(patterns)
	contains(_squash(pattern), _squash(patterns))
}

_pattern_matches(pattern, patterns) if {
	is_array(patterns)
	some p in patterns
	contains(_squash(pattern), _squash(p))
}

loggroup_for_trail(trail) := lg if {
	some lg in object.get(object.get(input.aws, "cloudwatch", {}), "loggroups", [])
	lg.arn.value == trail.cloudwatchlogsloggrouparn.value
}

_filter_for(lg, patterns) := f if {
	some f in object.get(lg, "metricfilters", [])
	_pattern_matches(f.filterpattern.value, patterns)
}

# The metric a filter publishes: osprey's metricname when collected, else the
# filter name (Trivy compares alarms to filter names).
filter_metric(f) := m if {
	m := f.metrictransformations[0].metricname.value
} else := f.filtername.value

has_alarm_for_filter(f) if {
	some alarm in object.get(object.get(input.aws, "cloudwatch", {}), "alarms", [])
	alarm.metricname.value == filter_metric(f)
}

trails_without_filter(patterns) := [trail |
	some trail in multiregion_log_trails
	lg := loggroup_for_trail(trail)
	not _filter_for(lg, patterns)
]

trails_without_alarm_for_filter(patterns) := [trail |
	some trail in multiregion_log_trails
	lg := loggroup_for_trail(trail)
	f := _filter_for(lg, patterns)
	not has_alarm_for_filter(f)
]
