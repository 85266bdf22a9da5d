SELECT NULL, TRUE, false, 0, 42, 2147483648, 1.5, 1., .5, 1.5E3, 2e-3, .5E+1,
  'text', 'it''s', '' FROM t;
