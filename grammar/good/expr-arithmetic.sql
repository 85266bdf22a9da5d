SELECT a + b * c - d / e % f, -a, +b, - -c, (a + b) * c, a - -1 FROM t;
