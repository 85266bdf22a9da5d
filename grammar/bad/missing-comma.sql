--fail=2:12: Syntax error at or near 'c'
SELECT a b c FROM t;
