--fail=3:1: Syntax error at or near 'SELEC'
SHOW STREAMS;
SELEC * FROM t;
