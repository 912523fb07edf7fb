# METADATA
# title: EMR security configuration helpers
# description: >-
#   Read an EMR security configuration's JSON text and join a cluster to the configuration it was
#   launched with (by name, as DescribeCluster gives it). A cluster without one has no encryption
#   at all; a cluster whose configuration is not in the state cannot be judged.
# custom:
#   library: true
package lib.aws.emr

import rego.v1

# The EncryptionConfiguration object of a security configuration ({} when absent or not JSON).
encryption(sc) := object.get(json.unmarshal(sc.configuration.value), "EncryptionConfiguration", {}) if {
	json.is_valid(sc.configuration.value)
	is_object(json.unmarshal(sc.configuration.value))
}

encryption(sc) := {} if not json.is_valid(object.get(sc, ["configuration", "value"], ""))

encryption(sc) := {} if {
	json.is_valid(sc.configuration.value)
	not is_object(json.unmarshal(sc.configuration.value))
}

name(x) := object.get(x, ["settings", "name", "value"], object.get(x, ["name", "value"], "?"))

# The name of the security configuration a cluster was launched with ("": none, so no encryption).
config_name(cluster) := object.get(cluster, ["securityconfiguration", "value"], "")

# Clusters naming a configuration the state does not hold (its read was denied, or it vanished).
unknown_configuration contains sprintf("EMR cluster '%s': security configuration '%s' was not collected", [name(cluster), config_name(cluster)]) if {
	some cluster in input.aws.emr.clusters
	config_name(cluster) != ""
	not known(config_name(cluster))
}

known(n) if {
	some sc in input.aws.emr.securityconfiguration
	sc.name.value == n
}
