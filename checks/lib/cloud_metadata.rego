# METADATA
# title: Resource metadata helpers
# description: Find the nearest object that carries osprey/Trivy resource metadata.
# custom:
#   library: true
package lib.cloud.metadata

import rego.v1

# True when x carries resource metadata: either a resource object with
# __defsec_metadata or a wrapped scalar ({"value": ..., "fskey": ...}).
has_metadata(x) if is_object(x.__defsec_metadata)

has_metadata(x) if {
	is_object(x)
	x.fskey
	has_key(x, "value")
}

has_key(x, k) if _ = x[k]

# obj_by_path(obj, path): the deepest object under obj, following path (an array
# of keys), that carries metadata; obj itself when nothing along the path does.
obj_by_path(obj, path) := found if {
	hits := {p: child |
		walk(obj, [p, child])
		has_metadata(child)
		object.subset(path, p)
	}
	count(hits) > 0
	found := hits[max(object.keys(hits))]
} else := obj
