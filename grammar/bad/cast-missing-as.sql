--fail=2:15: missing 'AS' at 'STRING'
SELECT CAST(a STRING) FROM t;
