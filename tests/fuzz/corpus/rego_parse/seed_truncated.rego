package t
p := [1, {"a": [2, {3