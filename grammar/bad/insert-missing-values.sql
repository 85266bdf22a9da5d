--fail=2:19: missing 'VALUES' at '('
INSERT INTO t (a) (1);
