--fail=2:13: Syntax error at or near 'select'
SELECT a AS select FROM t;
