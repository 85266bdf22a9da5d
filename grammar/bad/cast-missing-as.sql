--fail=2:15: Syntax error at or near 'STRING'
SELECT CAST(a STRING) FROM t;
