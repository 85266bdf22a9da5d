--fail=2:16: Syntax error at or near '1'
SELECT MAP('a' 1) FROM t;
