--fail=2:13: Syntax error at or near 'AS'
SELECT v->* AS x FROM t;
