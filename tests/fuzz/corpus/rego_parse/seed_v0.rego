package t
p[x] { x := input.a[_] }
q = 1 { not p[2] }
default z = false
