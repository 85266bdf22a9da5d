--fail=2:11: Syntax error at or near 'FROM'
SELECT a, FROM t;
