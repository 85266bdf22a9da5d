--fail=2:8: Syntax error at or near 'from'
SELECT from FROM t;
