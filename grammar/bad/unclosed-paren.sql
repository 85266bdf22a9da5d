--fail=2:15: missing ')' at 'FROM'
SELECT (a + b FROM t;
