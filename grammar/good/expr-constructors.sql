SELECT ARRAY[1, 2, 3], ARRAY[], MAP('a' := 1, 'b' := 2), MAP(),
  STRUCT(name := 'x', nested := STRUCT(inside := ARRAY['y'])) FROM t;
