--fail=2:19: Syntax error at or near '('
INSERT INTO t (a) (1);
