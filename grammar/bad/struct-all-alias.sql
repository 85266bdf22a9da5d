--fail=2:13: Expecting {',', 'FROM'}
SELECT v->* AS x FROM t;
