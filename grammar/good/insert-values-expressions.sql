INSERT INTO nested (tags, scores, address) VALUES (
  ARRAY['a', 'b'],
  MAP('x' := 1.0, 'y' := 2.5),
  STRUCT(street := 'Main', zip := 12345, geo := STRUCT(lat := 1.5, lon := -2.5))
);
INSERT INTO empty_values VALUES ();
