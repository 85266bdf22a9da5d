--fail=2:6: Syntax error at or near ';'
PAUSE;
