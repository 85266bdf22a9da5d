--fail=2:23: Value must be integer for command: LIMIT
SELECT * FROM t LIMIT 2.5;
