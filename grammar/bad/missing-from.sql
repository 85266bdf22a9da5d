--fail=2:9: Expecting {',', 'FROM'}
SELECT a;
