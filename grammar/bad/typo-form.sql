--fail=2:10: Expecting {',', 'FROM'}
SELECT * FORM t;
