package t

p := $"x={input.a[0]} {[1, {2}]}"
q contains k if some k, v in input.a
f(x) := y if { y := [z | z := x[_]; z > 1] } else := 0
r := f([1, 2, 3]) with input.a as [9]
s if every x in input.a { x != null }
t[k].v := 1 if k := input.a[_]
