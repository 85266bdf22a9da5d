--fail=2:9: Syntax error at or near ';'
DESCRIBE;
