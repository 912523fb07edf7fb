# A user's lib.aws.trails (as Trivy's lib/cloud ships one) with other functions than osprey's:
# it replaces osprey's package; osprey's lib.osprey.alarms, which needs the built-in version,
# is left out instead of breaking the compile.
package lib.aws.trails

import rego.v1

multi_region(t) if t.ismultiregion.value
