# METADATA
# title: CIS monitoring chain
# description: |
#   CIS 3.x / 4.x: a multi-region trail that is logging sends to a CloudWatch
#   Logs group; a metric filter on that group matches the pattern; an alarm
#   watches the filter's metric; the alarm notifies an SNS topic with a
#   confirmed subscriber. Each step is checked; the first missing one is named.
# custom:
#   library: true
package lib.osprey.alarms

import rego.v1

import data.lib.aws.trails
import data.lib.osprey

_cw := object.get(input.aws, "cloudwatch", {})

_strip(arn) := trim_suffix(arn, ":*")

# Region of a log group ARN (arn:aws:logs:<region>:<account>:log-group:<name>).
loggroup_region(arn) := split(arn, ":")[3]

# Multi-region logging trails that record every management event and send to CloudWatch Logs.
delivering_trails := [t |
	some t in trails.multiregion_log_trails
	all_management_events(t)
	object.get(t, "cloudwatchlogsloggrouparn", {"value": ""}).value != ""
]

# A trail records all management events: a basic selector with ReadWriteType All that includes
# them, or an advanced selector on the Management category with no narrowing field. Without
# selectors (not collected, or none returned) the trail's default applies: all management events.
all_management_events(t) if {
	count(object.get(t, "eventselectors", [])) == 0
	count(object.get(t, "advancedeventselectors", [])) == 0
}

all_management_events(t) if {
	some s in t.eventselectors
	s.readwritetype.value == "All"
	object.get(s, "includemanagementevents", {"value": true}).value == true
}

all_management_events(t) if {
	some s in object.get(t, "advancedeventselectors", [])
	some f in s.fieldselectors
	f.field == "eventCategory"
	"Management" in f.equals
	count([g | some g in s.fieldselectors; g.field != "eventCategory"]) == 0
}

# Trails whose log group lives in this document's region: judged here.
local_trails := [t |
	some t in delivering_trails
	osprey.in_this_region(loggroup_region(t.cloudwatchlogsloggrouparn.value))
]

loggroup(t) := lg if {
	some lg in object.get(_cw, "loggroups", [])
	_strip(lg.arn.value) == _strip(t.cloudwatchlogsloggrouparn.value)
}

# The metric filters on the trail's log group whose pattern provably matches every event one of
# the required CIS patterns matches (osprey.cwlogs.filter_covers parses the filter grammar: a
# term inside a longer event name, or an extra && narrowing the pattern, is no match).
filters(t, patterns) := [f |
	some f in object.get(loggroup(t), "metricfilters", [])
	covers(f.filterpattern.value, patterns)
]

covers(pattern, patterns) if {
	some required in patterns
	osprey.cwlogs.filter_covers(pattern, required)
}

metric_names(f) := {m.metricname.value | some m in object.get(f, "metrictransformations", [])} if {
	count(object.get(f, "metrictransformations", [])) > 0
} else := {f.filtername.value}

alarms(t, patterns) := [a |
	some f in filters(t, patterns)
	some a in object.get(_cw, "alarms", [])
	a.metricname.value in metric_names(f)
]

_topic_has_subscriber(arn) if {
	some topic in input.aws.sns.topics
	topic.arn.value == arn
	some sub in object.get(topic, "subscriptions", [])
	sub.arn.value != "PendingConfirmation"
}

# Without the SNS service (not collected) an alarm action is taken on trust;
# the compliance report marks the control ERROR in that case.
_topic_has_subscriber(_) if not input.aws.sns

notifying_alarms(t, patterns) := [a |
	some a in alarms(t, patterns)
	object.get(a, "actionsenabled", {"value": true}).value == true
	some action in object.get(a, "alarmactions", [])
	_topic_has_subscriber(action.value)
]

# Why trail t fails for patterns, or undefined when it passes.
failure(t, patterns) := "no metric filter on its log group matches the pattern" if {
	count(filters(t, patterns)) == 0
} else := "no alarm watches the metric of the matching filter" if {
	count(alarms(t, patterns)) == 0
} else := "no alarm on the metric notifies an SNS topic with a confirmed subscriber" if {
	count(notifying_alarms(t, patterns)) == 0
}

# A trail in this document with the complete chain satisfies the control (CIS asks for at least
# one such trail, not for every trail).
satisfied(patterns) if {
	some t in local_trails
	not failure(t, patterns)
}

# Account-level failures: [cause, reason] pairs.
failures(patterns) := out if {
	input.aws.cloudtrail
	count(trails.multiregion_log_trails) == 0
	out := [[osprey.cause(osprey.account_arn("cloudtrail", "", "trail/*")), "no multi-region CloudTrail trail is logging"]]
} else := out if {
	input.aws.cloudtrail
	count(delivering_trails) == 0
	out := [[t, "its multi-region trail does not record all management events to CloudWatch Logs"] | some t in trails.multiregion_log_trails]
} else := [] if {
	satisfied(patterns)
} else := [[t, reason] |
	some t in local_trails
	reason := failure(t, patterns)
]

# What this document cannot judge: the chain of a trail whose log group lives in another region
# (settled when that region is scanned), unless a trail here already satisfies the control.
not_evaluated(patterns) := {gap |
	not satisfied(patterns)
	some t in delivering_trails
	r := loggroup_region(t.cloudwatchlogsloggrouparn.value)
	not osprey.in_this_region(r)
	gap := {"region": r, "reason": sprintf("the alarm chain of trail %s starts at its log group in %s", [t.name.value, r])}
}
