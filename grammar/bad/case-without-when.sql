--fail=2:13: Syntax error at or near 'ELSE'
SELECT CASE ELSE 1 END FROM t;
