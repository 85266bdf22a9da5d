--fail=2:12: Expecting {',', 'FROM'}
SELECT a b c FROM t;
