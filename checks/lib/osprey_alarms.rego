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

# Multi-region logging trails that send to CloudWatch Logs.
delivering_trails := [t |
	some t in trails.multiregion_log_trails
	t.cloudwatchlogsloggrouparn.value != ""
]

# Trails whose log group lives in this document's region: judged here.
local_trails := [t |
	some t in delivering_trails
	osprey.in_this_region(loggroup_region(t.cloudwatchlogsloggrouparn.value))
]

loggroup(t) := lg if {
	some lg in object.get(_cw, "loggroups", [])
	_strip(lg.arn.value) == _strip(t.cloudwatchlogsloggrouparn.value)
}

filters(t, terms) := [f |
	some f in object.get(loggroup(t), "metricfilters", [])
	trails.pattern_has_terms(f.filterpattern.value, terms)
	not names_anded(f.filterpattern.value, terms)
]

# A list of event names joined by && can never match one event: such a filter does not count.
names_anded(pattern, terms) if {
	count([x | some x in terms; contains(x, "$.eventName")]) > 1
	p := replace(regex.replace(pattern, `\s+`, ""), `"`, "")
	some bad in ["&&($.eventName=", "&&$.eventName="]
	contains(p, bad)
}

metric_names(f) := {m.metricname.value | some m in object.get(f, "metrictransformations", [])} if {
	count(object.get(f, "metrictransformations", [])) > 0
} else := {f.filtername.value}

alarms(t, terms) := [a |
	some f in filters(t, terms)
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

notifying_alarms(t, terms) := [a |
	some a in alarms(t, terms)
	object.get(a, "actionsenabled", {"value": true}).value == true
	some action in object.get(a, "alarmactions", [])
	_topic_has_subscriber(action.value)
]

# Why trail t fails for terms, or undefined when it passes.
failure(t, terms) := "no metric filter on its log group matches the pattern" if {
	count(filters(t, terms)) == 0
} else := "no alarm watches the metric of the matching filter" if {
	count(alarms(t, terms)) == 0
} else := "no alarm on the metric notifies an SNS topic with a confirmed subscriber" if {
	count(notifying_alarms(t, terms)) == 0
}

# Account-level failures: [cause, reason] pairs.
failures(terms) := out if {
	input.aws.cloudtrail
	count(trails.multiregion_log_trails) == 0
	out := [[osprey.cause(osprey.account_arn("cloudtrail", "", "trail/*")), "no multi-region CloudTrail trail is logging"]]
} else := out if {
	count(delivering_trails) == 0
	out := [[t, "its multi-region trail does not send events to CloudWatch Logs"] | some t in trails.multiregion_log_trails]
} else := [[t, reason] |
	some t in local_trails
	reason := failure(t, terms)
]
