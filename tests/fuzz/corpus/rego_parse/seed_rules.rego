package test

p if {
	every x in [1, 2] { x > 0 }
}

q contains x if { some x in [1, 2, 3]; x > 1 }

r[k] := v if { some k, v in {"a": 1} }

f(x) := x + 1

s := f(2)
