--fail=2:15: Syntax error at or near 'FROM'
SELECT (a + b FROM t;
